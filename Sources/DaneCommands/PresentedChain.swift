import DaneCore
import Foundation

/// The chain a live server presents over STARTTLS (`tlsa create HOST`, `tlsa verify HOST`):
/// every address of HOST is probed at once; the first that completes TLS gives the chain. A host
/// that cannot be reached ends the command with the table's code (4 no such host, 3 no answer,
/// 1 no TLS).
enum PresentedChain {
    static func fetch(_ host: DNSName, port: UInt16, probeOptions: ProbeOptions, resolverOptions: ResolverOptions,
                      colour: Bool) async throws -> ([PeerCertificate], IPAddress) {
        let inspector = CommandEnvironment.shared.inspector(resolverOptions.configuration())
        let lookups = await inspector.addressLookups(host)
        let addresses = lookups.flatMap(\.addresses).sorted()
        guard !addresses.isEmpty else {
            if let failed = lookups.first(where: \.status.isFailure) {
                throw CommandError(failed.failureLine,
                                   exitCode: failed.status == .indeterminate ? DanecheckExit.indeterminate : DanecheckExit.deferred)
            }
            let nx = lookups.allSatisfy { $0.answer == .nxDomain }
            throw CommandError(nx ? "\(host.text) does not exist (NXDOMAIN)" : "\(host.text) has no address", exitCode: DanecheckExit.noMail)
        }
        let prober = probeOptions.smtpProber(resolverOptions)
        let request = ProbeRequest(serverName: host, verification: .none)
        let probes = await addresses.concurrentMap { address in await prober.probe(address, port: port, request: request) }
        let presented = probes.compactMap { probe in probe.tls.map { ($0.chain, probe.address) } }.filter { !$0.0.isEmpty }
        guard let first = presented.first else {
            let why = probes.first?.transcript.failure?.description ?? "no TLS session"
            throw CommandError("\(host.text) presented no certificate (\(why))", exitCode: DanecheckExit.deferred)
        }
        if Set(presented.map { $0.0.first?.certificateDER ?? [] }).count > 1 {
            StandardError.warning("the addresses of \(host.text) present different certificates; using [\(first.1)]'s", colour: colour)
        }
        return first
    }
}
