/// What an RFC 7672 MTA does with mail for a domain, through which host, and why.
public struct DomainVerdict: Sendable, Hashable {
    public let verdict: Verdict
    /// The MX host that decided (the first, in preference order, that does not defer).
    public let via: DNSName?
    /// One line: the deciding address's reason, or why every host failed.
    public let reason: String

    public init(verdict: Verdict, via: DNSName?, reason: String) {
        self.verdict = verdict
        self.via = via
        self.reason = reason
    }
}
