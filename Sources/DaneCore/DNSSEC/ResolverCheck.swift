/// Asks each resolver once per run whether it validates (`ResolverValidationProbe`); every
/// domain of a batch shares the answer.
final class ResolverCheck: Sendable {
    private let probes: [(server: ResolverAddress, transport: any DNSTransport)]
    private let memo = Memo<Int, [ResolverReport]>()

    init(probes: [(server: ResolverAddress, transport: any DNSTransport)]) {
        self.probes = probes
    }

    var reports: [ResolverReport] {
        get async {
            await memo.value(for: 0) { [probes] in
                await probes.concurrentMap { probe in
                    let finding = await ResolverValidationProbe.probe(through: probe.transport)
                    return ResolverReport(server: probe.server, validates: finding.validates, rootAnswer: finding.rootAnswer)
                }
            }
        }
    }
}
