import Foundation

/// Record data in presentation format, for reports that list records as they are.
public enum RecordPresentation {
    public static func text(_ data: RecordData) -> String {
        switch data {
        case .address(let address): address.text
        case .mx(let preference, let exchange): "\(preference) \(exchange.absolute)"
        case .cname(let target): target.absolute
        case .tlsa(let record): record.description
        case .malformedTLSA(let rdata): TLSAEntry.generic(rdata)
        case .soa(let serial, let minimum): "(SOA, serial \(serial), minimum \(minimum))"
        case .txt(let strings): strings.map(quoted).joined(separator: " ")
        case .ns(let server): server.absolute
        case .other(let text): text
        }
    }

    /// A character-string as a zone file has it (RFC 1035 §5.1): quoted, `"` and `\` escaped,
    /// bytes outside printable ASCII as `\DDD`.
    static func quoted(_ bytes: [UInt8]) -> String {
        var out = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E: out.unicodeScalars.append(UnicodeScalar(byte))
            default: out += "\\" + String(repeating: "0", count: 3 - String(byte).count) + String(byte)
            }
        }
        return out + "\""
    }
}
