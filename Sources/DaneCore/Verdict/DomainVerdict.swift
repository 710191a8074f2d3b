/// What an RFC 7672 MTA does with mail for a domain, through which host, and why.
public struct DomainVerdict: Sendable, Hashable {
    public let verdict: Verdict
    /// The MX host that decided (the first, in preference order, that does not defer).
    public let via: DNSName?
    /// Why, as values: the deciding address's cause, or every host's.
    public let cause: VerdictReason
    /// Why, in one line.
    public var reason: String { cause.description }

    public init(verdict: Verdict, via: DNSName?, cause: VerdictReason) {
        self.verdict = verdict
        self.via = via
        self.cause = cause
    }
}
