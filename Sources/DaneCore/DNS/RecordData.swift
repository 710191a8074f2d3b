/// The data of one resource record, decoded for the types danecheck uses.
public enum RecordData: Sendable, Hashable {
    case address(IPAddress)
    case mx(preference: UInt16, exchange: DNSName)
    case cname(DNSName)
    case tlsa(TLSARecord)
    /// A TLSA record whose data is too short to hold usage, selector and matching type: kept,
    /// so that it is reported as unusable instead of vanishing.
    case malformedTLSA(rdata: [UInt8])
    /// SOA: only the fields negative caching needs (RFC 2308 §5).
    case soa(serial: UInt32, minimum: UInt32)
    /// TXT: its character-strings as bytes, as on the wire (RFC 1035 §3.3.14); `text` joins them.
    case txt([[UInt8]])
    /// NS: the name server (RFC 1035 §3.3.11).
    case ns(DNSName)
    /// Any other type, in presentation format.
    case other(String)
}
