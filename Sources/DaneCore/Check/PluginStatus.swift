import Foundation

/// The Nagios/Icinga plugin status of one checked domain (Monitoring Plugins Development
/// Guidelines: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN), with the reason it has that status.
public enum PluginStatus: Int32, Sendable, Comparable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    /// The thresholds: days before a certificate's or an RRSIG's expiry that warn (an expired one
    /// is critical); `requireDANE`: a deliverable domain that is not authenticated is critical.
    public struct Thresholds: Sendable {
        public let certificateDays: Double
        public let signatureDays: Double
        public let requireDANE: Bool

        public init(certificateDays: Double, signatureDays: Double, requireDANE: Bool) {
            self.certificateDays = certificateDays
            self.signatureDays = signatureDays
            self.requireDANE = requireDANE
        }
    }

    /// UNKNOWN when nothing can be said (a lookup got no answer, the resolver does not validate);
    /// CRITICAL when mail would not leave (defer, undeliverable), a lookup is bogus, something
    /// expired, or DANE is required and missing; WARNING for rollover-health warnings and
    /// expiry within the thresholds; OK otherwise. The reasons of the worst status, joined.
    public static func of(_ health: DomainHealth, thresholds: Thresholds, now: Date) -> (PluginStatus, [String]) {
        var found: [(PluginStatus, String)] = []
        let verdict = health.verdict
        switch health.exitClass {
        case .indeterminate: found.append((.unknown, health.check.verdict.reason))
        case .deferred, .noMail: found.append((.critical, "\(verdict.rawValue): \(health.check.verdict.reason)"))
        case .ok: break
        }
        if health.isBogus, health.exitClass == .ok { found.append((.critical, "a lookup is bogus")) }
        if thresholds.requireDANE, verdict.delivers, verdict != .authenticated {
            found.append((.critical, "not authenticated by DANE (\(verdict.rawValue))"))
        }
        for (what, date, limit) in [("certificate", health.certificateExpiry, thresholds.certificateDays),
                                    ("RRSIG", health.signatureExpiry, thresholds.signatureDays)] {
            guard let days = DomainHealth.days(until: date, from: now) else { continue }
            if days < 0 { found.append((.critical, "\(what) expired \(Int((-days).rounded(.up))) days ago")) }
            else if days < limit { found.append((.warning, "\(what) expires in \(String(format: "%.1f", days)) days")) }
        }
        if !health.warnings.isEmpty {
            let kinds = Set(health.warnings.map(\.warning.kind.rawValue)).sorted().joined(separator: ", ")
            found.append((.warning, "rollover warning\(health.warnings.count == 1 ? "" : "s"): \(kinds)"))
        }
        guard let worst = found.map(\.0).max() else { return (.ok, []) }
        return (worst, found.filter { $0.0 == worst }.map(\.1))
    }
}
