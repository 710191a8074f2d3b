import Foundation

/// Asks each resolver once per run whether it validates (`ResolverValidationProbe`); every
/// domain of a batch shares the answer.
final class ResolverCheck: @unchecked Sendable {
    private let probes: [(server: ResolverAddress, transport: any DNSTransport)]
    private let lock = NSLock()
    private var task: Task<[ResolverReport], Never>?

    init(probes: [(server: ResolverAddress, transport: any DNSTransport)]) {
        self.probes = probes
    }

    var reports: [ResolverReport] {
        get async {
            let task = lock.withLock {
                if let task = self.task { return task }
                let probes = self.probes
                let created = Task {
                    await probes.concurrentMap { probe in
                        ResolverReport(server: probe.server,
                                       validates: await ResolverValidationProbe.validates(through: probe.transport))
                    }
                }
                self.task = created
                return created
            }
            return await task.value
        }
    }
}
