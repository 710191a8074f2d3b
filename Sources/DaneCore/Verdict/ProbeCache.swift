/// Probes shared within a run: the same request to the same address is made once, however many
/// domains use that MX host.
actor ProbeCache {
    private struct Key: Hashable {
        let address: IPAddress
        let port: UInt16
        let request: ProbeRequest
    }

    private var tasks: [Key: Task<AddressProbe, Never>] = [:]

    func probe(_ address: IPAddress, port: UInt16, request: ProbeRequest,
               _ make: @escaping @Sendable () async -> AddressProbe) async -> AddressProbe {
        let key = Key(address: address, port: port, request: request)
        if let task = tasks[key] { return await task.value }
        let task = Task { await make() }
        tasks[key] = task
        return await task.value
    }
}
