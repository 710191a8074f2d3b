/// The DNS record types danecheck asks for.
public enum RecordType: UInt16, Sendable, CaseIterable, CustomStringConvertible {
    case a = 1
    case ns = 2
    case cname = 5
    case soa = 6
    case mx = 15
    case txt = 16
    case aaaa = 28
    case ds = 43
    case rrsig = 46
    case dnskey = 48
    case tlsa = 52

    public var description: String {
        switch self {
        case .a: "A"
        case .ns: "NS"
        case .cname: "CNAME"
        case .soa: "SOA"
        case .mx: "MX"
        case .txt: "TXT"
        case .aaaa: "AAAA"
        case .ds: "DS"
        case .rrsig: "RRSIG"
        case .dnskey: "DNSKEY"
        case .tlsa: "TLSA"
        }
    }
}
