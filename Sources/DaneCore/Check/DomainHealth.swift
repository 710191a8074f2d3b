import Foundation

/// What monitoring asks of one checked domain, read off the check once: its verdict and exit
/// class, its rollover warnings, when its earliest certificate and RRSIG expire, whether any
/// lookup was bogus. The Nagios plugin line and the Prometheus metrics are both made from it.
public struct DomainHealth: Sendable {
    public let check: DomainCheck
    /// The earliest notAfter among the server certificates the probes saw (every MX host).
    public let certificateExpiry: Date?
    /// The earliest RRSIG expiration among the domain's lookups: MX, addresses, TLSA.
    public let signatureExpiry: Date?
    /// Every lookup the check made for the domain.
    public let lookups: [Lookup]

    public init(_ check: DomainCheck) {
        self.check = check
        let report = check.report
        lookups = [report.mx] + report.hosts.flatMap { $0.addressLookups + [$0.cnameLookup].compactMap { $0 } + $0.tlsa.attempts }
        certificateExpiry = check.hosts.flatMap(\.addresses).compactMap { $0.probe.tls?.chain.first?.notAfter }.min()
        signatureExpiry = lookups.compactMap(\.signatureExpiry).min()
    }

    public var verdict: Verdict { check.verdict.verdict }
    public var exitClass: ExitClass { check.outcome.exitClass }
    public var isBogus: Bool { lookups.contains { $0.status == .bogus } }
    public var warnings: [(host: DNSName, warning: RolloverWarning)] { check.warnings }

    /// Days from `now` to a date (negative once past).
    public static func days(until date: Date?, from now: Date) -> Double? {
        date.map { $0.timeIntervalSince(now) / 86_400 }
    }
}
