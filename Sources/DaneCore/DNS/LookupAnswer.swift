/// What a lookup found. The four outcomes are never merged: NODATA and NXDOMAIN are answers
/// (with their own DNSSEC status), a failure is not "no records" (RFC 7672 §2.1.1).
public enum LookupAnswer: Sendable, Hashable {
    case records([RecordData])
    case noData
    case nxDomain
    /// No trustworthy answer; the lookup's status is bogus or indeterminate.
    case failed(reason: String)

    /// "records", "nodata", "nxdomain", "failed" (JSON `result`).
    public var keyword: String {
        switch self {
        case .records: "records"
        case .noData: "nodata"
        case .nxDomain: "nxdomain"
        case .failed: "failed"
        }
    }
}
