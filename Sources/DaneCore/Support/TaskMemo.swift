/// Computes each key's value once and shares it with everyone who asks, also while it is
/// still being computed (one DNSKEY fetch per zone however many lookups need it).
///
/// A computation that (through any chain of memos) asks for its own key would wait on itself
/// forever; the keys being computed travel with the task (`MemoLoopGuard`), so such a request
/// gets `onLoop` instead.
actor TaskMemo<Key: Hashable & Sendable, Value: Sendable> {
    private var tasks: [Key: Task<Value, Never>] = [:]
    private let label: String

    init(_ label: String) {
        self.label = label
    }

    func value(for key: Key, onLoop: Value, _ compute: @escaping @Sendable () async -> Value) async -> Value {
        let id = "\(label):\(key)"
        if MemoLoopGuard.computing.contains(id) { return onLoop }
        if let task = tasks[key] { return await task.value }
        let inherited = MemoLoopGuard.computing
        let task = Task { await MemoLoopGuard.$computing.withValue(inherited.union([id])) { await compute() } }
        tasks[key] = task
        return await task.value
    }
}
