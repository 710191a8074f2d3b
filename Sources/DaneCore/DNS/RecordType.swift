/// A DNS RR type (RFC 1035 §3.2.2, RFC 6895 §3.1): one value for every type danecheck asks for,
/// validates or reports, named by its mnemonic ("TYPE99" for any other).
public struct RecordType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let a = RecordType(rawValue: 1)
    public static let ns = RecordType(rawValue: 2)
    public static let cname = RecordType(rawValue: 5)
    public static let soa = RecordType(rawValue: 6)
    public static let mx = RecordType(rawValue: 15)
    public static let txt = RecordType(rawValue: 16)
    public static let aaaa = RecordType(rawValue: 28)
    public static let dname = RecordType(rawValue: 39)
    public static let ds = RecordType(rawValue: 43)
    public static let rrsig = RecordType(rawValue: 46)
    public static let nsec = RecordType(rawValue: 47)
    public static let dnskey = RecordType(rawValue: 48)
    public static let nsec3 = RecordType(rawValue: 50)
    public static let tlsa = RecordType(rawValue: 52)

    private static let names: [RecordType: String] = [
        .a: "A", .ns: "NS", .cname: "CNAME", .soa: "SOA", .mx: "MX", .txt: "TXT", .aaaa: "AAAA", .dname: "DNAME",
        .ds: "DS", .rrsig: "RRSIG", .nsec: "NSEC", .dnskey: "DNSKEY", .nsec3: "NSEC3", .tlsa: "TLSA",
    ]

    /// The types a user may ask for by name (`chain NAME TYPE`, `dns_cache lookup NAME TYPE`).
    public static let askable: [RecordType] = [.a, .ns, .cname, .soa, .mx, .txt, .aaaa, .ds, .dnskey, .tlsa]

    /// The askable type with this mnemonic, in any letter case.
    public init?(askable name: String) {
        guard let found = Self.askable.first(where: { $0.description == name.uppercased() }) else { return nil }
        self = found
    }

    public var description: String { Self.names[self] ?? "TYPE\(rawValue)" }

    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.rawValue < rhs.rawValue }
}
