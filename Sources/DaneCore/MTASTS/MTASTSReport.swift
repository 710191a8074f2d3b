import Foundation

/// What the MTA-STS lookup of one domain found: the TXT lookup, and the policy or why there is none.
public struct MTASTSReport: Sendable, Hashable {
    public let domain: DNSName
    /// The `_mta-sts` TXT lookup (its TTL, status, CNAMEs followed).
    public let txt: Lookup
    public let record: MTASTSRecord?
    public let policy: MTASTSPolicy?
    /// Why there is no policy (nil: a policy, or no TXT record at all).
    public let failure: MTASTSFailure?
    /// When the policy was fetched (for "refresh in N seconds").
    public let fetchedAt: Date?
    /// Why a cached policy is in force rather than a fresh one (RFC 8461 §5.1).
    public let note: String?

    public init(domain: DNSName, txt: Lookup, record: MTASTSRecord?, policy: MTASTSPolicy?, failure: MTASTSFailure?,
                fetchedAt: Date?, note: String? = nil) {
        self.domain = domain
        self.txt = txt
        self.record = record
        self.policy = policy
        self.failure = failure
        self.fetchedAt = fetchedAt
        self.note = note
    }

    /// The domain publishes no MTA-STS TXT record (NXDOMAIN or NODATA): nothing to show.
    public var absent: Bool { txt.isDenial }

    /// The policy in force for delivery: none unless fetched and valid.
    public var effective: MTASTSPolicy? { failure == nil ? policy : nil }

    public var policyURL: String { "https://mta-sts.\(domain.text)/.well-known/mta-sts.txt" }
}
