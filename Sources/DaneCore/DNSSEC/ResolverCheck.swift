import Synchronization

/// Asks each resolver once per run whether it validates (`ResolverValidationProbe`); every
/// domain of a batch shares the answer.
final class ResolverCheck: Sendable {
    private let probes: [(server: ResolverAddress, transport: any DNSTransport)]
    private let task = Mutex<Task<[ResolverReport], Never>?>(nil)

    init(probes: [(server: ResolverAddress, transport: any DNSTransport)]) {
        self.probes = probes
    }

    var reports: [ResolverReport] {
        get async {
            let task = self.task.withLock { stored in
                if let stored { return stored }
                let probes = self.probes
                let created = Task {
                    await probes.concurrentMap { probe in
                        let finding = await ResolverValidationProbe.probe(through: probe.transport)
                        return ResolverReport(server: probe.server, validates: finding.validates, rootAnswer: finding.rootAnswer)
                    }
                }
                stored = created
                return created
            }
            return await task.value
        }
    }
}
