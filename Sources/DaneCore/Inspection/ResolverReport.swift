/// A configured resolver, whether it validates DNSSEC (nil: it did not answer the probe), and
/// what it answered for the root zone when that was not NOERROR.
public struct ResolverReport: Sendable, Hashable {
    public let server: ResolverAddress
    public let validates: Bool?
    /// The RCODE of the root SOA answer when not NOERROR: NXDOMAIN (not a working recursive
    /// resolver), REFUSED or SERVFAIL (it does not resolve the whole tree).
    public let rootAnswer: ResponseCode?

    public init(server: ResolverAddress, validates: Bool?, rootAnswer: ResponseCode? = nil) {
        self.server = server
        self.validates = validates
        self.rootAnswer = rootAnswer
    }

    /// True for a resolver that says the root zone does not exist: its NXDOMAIN answers are not
    /// to be trusted.
    public var deniesTheRoot: Bool { rootAnswer == .nxDomain }

    /// The loud warning for a resolver that never sets AD, denies or refuses the root; nil otherwise.
    public var warning: String? {
        if deniesTheRoot {
            return "resolver \(server) answered NXDOMAIN for the root zone: it is not a working recursive resolver "
                + "(a filtering or sinkhole resolver?); its NXDOMAIN answers cannot be trusted and whether it validates "
                + "DNSSEC is unknown (use another resolver)"
        }
        if let rootAnswer {
            return "resolver \(server) answered \(rootAnswer) for the root zone: it does not resolve the whole tree "
                + "(a resolver for a private tree only?), so whether it validates DNSSEC is unknown"
        }
        guard validates == false else { return nil }
        return "resolver \(server) does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)"
    }

    /// The kind of `warning` (JSON).
    public var warningKind: String {
        deniesTheRoot ? "resolver-denies-root" : rootAnswer != nil ? "resolver-refuses-root" : "resolver-does-not-validate"
    }

    /// Why no DNSSEC status can be known when +dnssec is the resolvers' AD bit, nil when one
    /// validates, in local mode, or (`answersCarryAD`) when an answer came validated after all.
    /// Unvalidated is not insecure (RFC 7672 §2.1.1): what a DANE MTA would do is unknown. Either
    /// every resolver that answered the root SOA does not validate (AD=0), or none answered it
    /// (NXDOMAIN, REFUSED, SERVFAIL: whether they validate is unknown) and no answer carried the
    /// AD bit: a signed domain would look exactly like an unsigned one.
    public static func unvalidated(_ reports: [ResolverReport], mode: ValidationMode, answersCarryAD: Bool = false) -> String? {
        guard mode == .resolver else { return nil }
        let answered = reports.filter { $0.validates != nil }
        let advice = "(use a validating resolver, or --validation local to validate here)"
        if !answered.isEmpty, answered.allSatisfy({ $0.validates == false }) {
            let names = answered.map(\.server.description).joined(separator: ", ")
            return "DNSSEC status unknown: \(answered.count == 1 ? "resolver \(names) does" : "resolvers \(names) do") not validate \(advice)"
        }
        let unknown = reports.filter { $0.validates == nil && $0.rootAnswer != nil }
        guard answered.isEmpty, !unknown.isEmpty, !answersCarryAD else { return nil }
        let named = unknown.map { "\($0.server) answered \($0.rootAnswer.map { "\($0)" } ?? "") for the root zone" }.joined(separator: ", ")
        return "DNSSEC status unknown: resolver \(named), so whether \(unknown.count == 1 ? "it validates" : "they validate") is unknown, "
            + "and no answer carried the AD bit \(advice)"
    }
}
