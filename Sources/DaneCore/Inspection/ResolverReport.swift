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
        return "resolver \(server) does not validate DNSSEC: no +dnssec flags can appear"
    }
}
