/// What the TLSRPT lookup of one domain found (RFC 8460 §3): the `_smtp._tls` TXT lookup, the
/// record or why there is none, and, when there is none, whether the draft's name holds one.
public struct TLSRPTReport: Sendable, Hashable {
    public let domain: DNSName
    /// The `_smtp._tls.DOMAIN` TXT lookup.
    public let txt: Lookup
    public let record: TLSRPTRecord?
    /// Why no record is in force (nil: a record, or no TXT record at all).
    public let failure: TLSRPTFailure?
    /// The `_smtp-tlsrpt.DOMAIN` TXT lookup (the name of the drafts before RFC 8460), kept only
    /// when `_smtp._tls` has no record.
    public let obsolete: Lookup?

    public init(domain: DNSName, txt: Lookup, record: TLSRPTRecord?, failure: TLSRPTFailure?, obsolete: Lookup? = nil) {
        self.domain = domain
        self.txt = txt
        self.record = record
        self.failure = failure
        self.obsolete = obsolete
    }

    /// The domain publishes nothing at `_smtp._tls` (NXDOMAIN or NODATA).
    public var absent: Bool { txt.isDenial }

    public var valid: Bool { record != nil && failure == nil }

    /// The draft's name holds a TXT record that starts like a TLSRPT record.
    public var atObsoleteName: Bool {
        obsolete?.records.contains { $0.txtText?.hasPrefix("v=TLSRPTv1") == true } ?? false
    }

    /// "_smtp._tls.example.test".
    public var name: String { domain.prepending("_smtp._tls").text }

    /// Why a domain that publishes DANE or MTA-STS should also publish a TLSRPT record, and what
    /// is wrong with the one it has; nil when its record is valid.
    public func missingWarning(publishing what: String) -> String? {
        if valid { return nil }
        let consequence = "senders that find \(what) failing cannot tell you (RFC 8460)"
        if let failure { return "the TLSRPT record at \(name) is not valid (\(failure)): \(consequence)" }
        if atObsoleteName {
            return "no TLSRPT record at \(name); one is at _smtp-tlsrpt.\(domain.text), the drafts' name, which senders no longer read: \(consequence)"
        }
        return "no TLSRPT record at \(name): \(consequence)"
    }
}
