/// Computes each key's value once and shares it with everyone who asks, also while it is
/// still being computed (one DNSKEY fetch per zone however many lookups need it).
actor TaskMemo<Key: Hashable & Sendable, Value: Sendable> {
    private var tasks: [Key: Task<Value, Never>] = [:]

    func value(for key: Key, _ compute: @escaping @Sendable () async -> Value) async -> Value {
        if let task = tasks[key] { return await task.value }
        let task = Task { await compute() }
        tasks[key] = task
        return await task.value
    }
}
