import Foundation

/// Fetched policies by domain, kept while their max_age lasts and their TXT id is the same
/// (RFC 8461 §5.1); the console's `mta_sts` commands read and refresh it.
public actor MTASTSPolicyCache {
    private var entries: [DNSName: MTASTSReport] = [:]

    public init() {}

    /// A cached policy for the domain still valid at `now` under this TXT id.
    func policy(_ domain: DNSName, id: String, now: Date) -> MTASTSReport? {
        guard let entry = entries[domain], entry.record?.id == id, let policy = entry.policy, let fetched = entry.fetchedAt,
              now.timeIntervalSince(fetched) < Double(policy.maxAge) else { return nil }
        return entry
    }

    func store(_ report: MTASTSReport) {
        if report.effective != nil { entries[report.domain] = report }
    }

    /// Drops the domain's policy (all when nil).
    public func forget(_ domain: DNSName?) {
        if let domain { entries[domain] = nil } else { entries.removeAll() }
    }

    /// Every cached policy, by domain name.
    public var all: [MTASTSReport] { entries.values.sorted { $0.domain < $1.domain } }
}
