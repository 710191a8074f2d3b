/// A configured resolver and whether it validates DNSSEC (nil: it did not answer the probe).
public struct ResolverReport: Sendable, Hashable {
    public let server: ResolverAddress
    public let validates: Bool?

    public init(server: ResolverAddress, validates: Bool?) {
        self.server = server
        self.validates = validates
    }

    /// The loud warning for a resolver that never sets AD, nil otherwise.
    public var warning: String? {
        guard validates == false else { return nil }
        return "resolver \(server) does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)"
    }

    /// Why no DNSSEC status can be known when +dnssec is the resolvers' AD bit and none of those
    /// that answered validates; nil when one validates, or in local mode. Unvalidated is not
    /// insecure (RFC 7672 §2.1.1): what a DANE MTA would do is unknown.
    public static func unvalidated(_ reports: [ResolverReport], mode: ValidationMode) -> String? {
        let answered = reports.filter { $0.validates != nil }
        guard mode == .resolver, !answered.isEmpty, answered.allSatisfy({ $0.validates == false }) else { return nil }
        let names = answered.map(\.server.description).joined(separator: ", ")
        return "DNSSEC status unknown: \(answered.count == 1 ? "resolver \(names) does" : "resolvers \(names) do") not validate "
            + "(use a validating resolver, or --validation local to validate here)"
    }
}
