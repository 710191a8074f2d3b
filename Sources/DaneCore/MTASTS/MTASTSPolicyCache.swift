import Foundation

/// Fetched policies by domain, kept while their max_age lasts and their TXT id is the same
/// (RFC 8461 §5.1); the console's `mta_sts` commands read and refresh it.
public actor MTASTSPolicyCache {
    private var entries: [DNSName: (report: MTASTSReport, caFile: String?)] = [:]

    public init() {}

    /// A cached policy for the domain, fetched under the same CA store and still within its
    /// max_age at `now`; with an `id`, only one fetched under that TXT id.
    func policy(_ domain: DNSName, id: String?, caFile: String?, now: Date) -> MTASTSReport? {
        guard let entry = entries[domain], entry.caFile == caFile, id == nil || entry.report.record?.id == id,
              let policy = entry.report.policy, let fetched = entry.report.fetchedAt,
              now.timeIntervalSince(fetched) < Double(policy.maxAge) else { return nil }
        return entry.report
    }

    func store(_ report: MTASTSReport, caFile: String?) {
        if report.effective != nil { entries[report.domain] = (report, caFile) }
    }

    /// Drops the domain's policy (all when nil).
    public func forget(_ domain: DNSName?) {
        if let domain { entries[domain] = nil } else { entries.removeAll() }
    }

    /// Every cached policy, by domain name.
    public var all: [MTASTSReport] { entries.values.map(\.report).sorted { $0.domain < $1.domain } }
}
