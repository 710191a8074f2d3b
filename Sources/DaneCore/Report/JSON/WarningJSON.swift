/// A finding: what kind (`FindingKind`), how much it weighs, what it says, and the host (or
/// address) it is about (schema `warning`). Rollover health, resolvers that do not validate, a
/// null MX beside other records: the same object.
public struct WarningJSON: Codable, Sendable, Equatable {
    public let kind: String
    public let severity: String?
    public let host: String?
    public let address: String?
    public let message: String

    public init(kind: String, severity: Severity? = nil, host: String? = nil, address: String? = nil, message: String) {
        self.kind = kind
        self.severity = (severity ?? FindingKind(rawValue: kind)?.severity)?.rawValue
        self.host = host
        self.address = address
        self.message = message
    }

    public init(_ finding: Finding) {
        var address: String?
        if case .address(_, let ip) = finding.subject { address = ip.text }
        self.init(kind: finding.kind.rawValue, severity: finding.severity, host: finding.subject.host?.text, address: address,
                  message: finding.message)
    }

    /// A host's rollover-health warning (`probe`, which judges one host).
    public init(_ warning: RolloverWarning, host: DNSName?) {
        self.init(kind: FindingKind(warning.kind).rawValue, host: host?.text, message: warning.message)
    }

    /// The warnings a domain report gives of itself (resolvers, what they answered, null MX).
    static func of(_ report: DomainReport) -> [WarningJSON] {
        report.resolvers.compactMap { resolver in resolver.warning.map { WarningJSON(kind: resolver.warningKind, message: $0) } }
            + [report.untrustedDenial.map { WarningJSON(kind: "untrusted-nxdomain", message: $0) },
               report.nullMXWarning.map { WarningJSON(kind: "null-mx-beside-others", message: $0) }].compactMap { $0 }
            + report.signedButUnvalidatedWarnings.map { WarningJSON(kind: "resolver-did-not-validate", message: $0) }
    }
}
