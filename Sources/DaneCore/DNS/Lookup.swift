import Foundation

/// The result of asking for one RRset: what was found, where, with which TTL and DNSSEC status.
public struct Lookup: Sendable, Hashable {
    /// The name that was asked for.
    public let name: DNSName
    public let type: RecordType
    /// Where the answer was found after following CNAMEs (equal to `name` without CNAMEs).
    public let owner: DNSName
    /// The CNAME targets followed from `name`, in order; the last one is `owner`.
    public let aliases: [DNSName]
    public let status: SecurityStatus
    public let answer: LookupAnswer
    /// TTL of the RRset, or the negative-caching TTL of a denial (RFC 2308 §5); nil when unknown.
    public let ttl: UInt32?
    /// The resolver that answered.
    public let server: ResolverAddress?
    /// The earliest expiration of the RRSIGs that came with the answer (over the RRset or its
    /// denial); nil when none came (unsigned data, a failure).
    public let signatureExpiry: Date?

    public init(name: DNSName, type: RecordType, owner: DNSName? = nil, aliases: [DNSName] = [],
                status: SecurityStatus, answer: LookupAnswer, ttl: UInt32?, server: ResolverAddress? = nil,
                signatureExpiry: Date? = nil) {
        self.name = name
        self.type = type
        self.owner = owner ?? name
        self.aliases = aliases
        self.status = status
        self.answer = answer
        self.ttl = ttl
        self.server = server
        self.signatureExpiry = signatureExpiry
    }

    /// The same lookup with another TTL (the time it has left in a cache).
    public func withTTL(_ ttl: UInt32?) -> Lookup {
        Lookup(name: name, type: type, owner: owner, aliases: aliases, status: status, answer: answer, ttl: ttl, server: server,
               signatureExpiry: signatureExpiry)
    }

    /// The records found, empty for any other outcome.
    public var records: [RecordData] {
        if case .records(let records) = answer { return records }
        return []
    }

    public var addresses: [IPAddress] {
        records.compactMap { if case .address(let address) = $0 { address } else { nil } }
    }

    public var tlsaRecords: [TLSARecord] {
        records.compactMap { if case .tlsa(let record) = $0 { record } else { nil } }
    }

    /// Every TLSA record with its usability for SMTP, malformed ones included: well-formed ones
    /// in presentation order, then those too short to parse.
    public var tlsaEntries: [TLSAEntry] {
        let malformed = records.compactMap { data -> TLSAEntry? in
            if case .malformedTLSA(let rdata) = data { return TLSAEntry(malformed: rdata) }
            return nil
        }
        return tlsaRecords.sorted(by: TLSARecord.presentationOrder).map(TLSAEntry.init) + malformed
    }

    public var isSecure: Bool { status == .secure }

    /// True for an answer that says the data does not exist (NODATA or NXDOMAIN).
    public var isDenial: Bool { answer == .noData || answer == .nxDomain }

    public var failureReason: String? {
        if case .failed(let reason) = answer { return reason }
        return nil
    }

    /// "bogus (resolver SERVFAIL; data present with CD=1)": the status and why there is no answer.
    public var failureText: String { "\(status.rawValue) (\(failureReason ?? "no answer"))" }

    /// "TLSA lookup for _25._tcp.mx.example.test failed: bogus (…)".
    public var failureLine: String { "\(type) lookup for \(name.text) failed: \(failureText)" }
}
