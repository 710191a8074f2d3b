import Synchronization

/// Probes shared within a run: the same request to the same address is made once, however many
/// domains use that MX host (`Memo`: made in the first asker's task; a probe cancelled with its
/// asker is made again for the next, not shared).
final class ProbeCache: Sendable {
    private struct Key: Hashable {
        let address: IPAddress
        let port: UInt16
        let request: ProbeRequest
    }

    /// At most this many probes to one address at once, however large the batch: a server's
    /// connection limits would otherwise turn a check into false 421 deferrals.
    static let perAddress = 4

    private let probes = Memo<Key, AddressProbe>()
    private let limits = Mutex<[IPAddress: AsyncSemaphore]>([:])

    func probe(_ address: IPAddress, port: UInt16, request: ProbeRequest,
               _ make: @escaping @Sendable () async -> AddressProbe) async -> AddressProbe {
        let limit = limits.withLock { limits in
            if let limit = limits[address] { return limit }
            let limit = AsyncSemaphore(Self.perAddress)
            limits[address] = limit
            return limit
        }
        return await probes.value(for: Key(address: address, port: port, request: request)) {
            // Cancelled while it waited for a slot: `make` under cancellation connects to nothing.
            guard await limit.acquire() else { return await make() }
            let probe = await make()
            limit.release()
            return probe
        }
    }
}
