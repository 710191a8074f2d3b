/// A warning: what kind, what it says, and the host it is about (schema `warning`). Rollover
/// health, resolvers that do not validate, a null MX beside other records: the same object.
public struct WarningJSON: Codable, Sendable, Equatable {
    public let kind: String
    public let host: String?
    public let message: String

    public init(kind: String, host: String? = nil, message: String) {
        self.kind = kind
        self.host = host
        self.message = message
    }

    public init(_ warning: RolloverWarning, host: DNSName?) {
        self.init(kind: warning.kind.rawValue, host: host?.text, message: warning.message)
    }

    /// The warnings a domain report gives of itself (resolvers, what they answered, null MX).
    static func of(_ report: DomainReport) -> [WarningJSON] {
        report.resolvers.compactMap { resolver in resolver.warning.map { WarningJSON(kind: resolver.warningKind, message: $0) } }
            + [report.untrustedDenial.map { WarningJSON(kind: "untrusted-nxdomain", message: $0) },
               report.nullMXWarning.map { WarningJSON(kind: "null-mx-beside-others", message: $0) }].compactMap { $0 }
            + report.signedButUnvalidatedWarnings.map { WarningJSON(kind: "resolver-did-not-validate", message: $0) }
    }
}
