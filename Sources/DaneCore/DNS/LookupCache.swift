/// One lookup per question per run: concurrent askers of the same question share one task.
actor LookupCache {
    private var tasks: [DNSQuery: Task<Lookup, Never>] = [:]

    func value(for query: DNSQuery, _ make: @escaping @Sendable () async -> Lookup) async -> Lookup {
        if let task = tasks[query] { return await task.value }
        let task = Task { await make() }
        tasks[query] = task
        return await task.value
    }
}
