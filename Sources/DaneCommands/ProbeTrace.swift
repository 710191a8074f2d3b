import DaneCore

/// `--debug tls` and `--debug dane` lines, from what the probes recorded (probe, domain --probe
/// and check print the same).
enum ProbeTrace {
    static func emit(_ reports: [HostProbeReport], options: ResolverOptions) {
        emit(reports, tls: options.traces(.tls), dane: options.traces(.dane))
    }

    static func emit(_ reports: [HostProbeReport], tls traceTLS: Bool, dane traceDANE: Bool) {
        guard traceTLS || traceDANE else { return }
        for report in reports {
            for address in report.addresses {
                let peer = "[\(address.probe.address)]:\(address.probe.port)"
                if traceDANE, let expectation = report.policy.expectation {
                    StandardError.line("dane: \(peer) base domain \(expectation.baseDomain.text), names \(expectation.extraNames.map(\.text)), records \(expectation.records.map(\.description))")
                    address.probe.refusedRecords.forEach { StandardError.line("dane: \(peer) OpenSSL refused \($0)") }
                    StandardError.line("dane: \(peer) match: \(address.probe.tls?.daneMatch.map { "\($0.record) at depth \($0.depth)" } ?? "none")")
                }
                if traceTLS, let tls = address.probe.tls {
                    StandardError.line("tls: \(peer) \(tls.version) \(tls.cipher), verify: \(tls.verifyError ?? "ok")")
                    tls.chain.forEach { StandardError.line("tls: \(peer) depth \($0.depth) \($0.subject) (issuer \($0.issuer))") }
                }
            }
        }
    }
}
