import Foundation

/// What one authoritative server served for one question, asked directly (RD=0, DO=1): the
/// records (in a fixed order, to compare servers), or the denial, and the earliest expiry of
/// the signatures that came with it.
public struct ServedAnswer: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case records([RecordData])
        case noData
        case nxDomain
    }

    public let content: Content
    public let signatureExpiry: Date?

    public init(content: Content, signatureExpiry: Date?) {
        self.content = content
        self.signatureExpiry = signatureExpiry
    }

    /// Reads a response to `query`: the RRset at the name (or a CNAME there), else the denial;
    /// signature expiries read against `now`.
    public init(_ response: DNSResponse, for query: DNSQuery, near now: Date) {
        let name = query.name.absolute.lowercased()
        let here = response.answer.filter { $0.owner.absolute.lowercased() == name }
        let data = here.filter { $0.type == query.type || $0.type == .cname }.map(\.data)
        if !data.isEmpty {
            content = .records(data.sorted { RecordPresentation.text($0) < RecordPresentation.text($1) })
            signatureExpiry = here.filter { $0.type == .rrsig }.compactMap { $0.signatureExpiration(near: now) }.min()
        } else {
            content = response.rcode == .nxDomain ? .nxDomain : .noData
            signatureExpiry = response.authority.compactMap { $0.signatureExpiration(near: now) }.min()
        }
    }

    /// "3 1 1 ab12…, 3 1 1 cd34…", "no data", "NXDOMAIN": short, for one line.
    public var summary: String {
        switch content {
        case .records(let records):
            records.prefix(3).map { data in
                if case .tlsa(let record) = data { return record.abbreviated }
                return BoundedText.prefix(RecordPresentation.text(data), limit: 60)
            }.joined(separator: ", ")
                + (records.count > 3 ? " and \(records.count - 3) more" : "")
        case .noData: "no data"
        case .nxDomain: "NXDOMAIN"
        }
    }
}
