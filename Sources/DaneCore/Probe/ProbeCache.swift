/// Probes shared within a run: the same request to the same address is made once, however many
/// domains use that MX host.
actor ProbeCache {
    private struct Key: Hashable {
        let address: IPAddress
        let port: UInt16
        let request: ProbeRequest
    }

    /// At most this many probes to one address at once, however large the batch: a server's
    /// connection limits would otherwise turn a check into false 421 deferrals.
    static let perAddress = 4

    private var tasks: [Key: Task<AddressProbe, Never>] = [:]
    private var limits: [IPAddress: AsyncSemaphore] = [:]

    func probe(_ address: IPAddress, port: UInt16, request: ProbeRequest,
               _ make: @escaping @Sendable () async -> AddressProbe) async -> AddressProbe {
        let key = Key(address: address, port: port, request: request)
        if let task = tasks[key] { return await task.value }
        let limit = limits[address] ?? AsyncSemaphore(Self.perAddress)
        limits[address] = limit
        let task = Task {
            await limit.acquire()
            let probe = await make()
            await limit.release()
            return probe
        }
        tasks[key] = task
        return await task.value
    }
}
