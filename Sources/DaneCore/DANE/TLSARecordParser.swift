import Foundation

/// Reads TLSA records given by hand: "3 1 1 8a1f…" or a zone-file line ending in
/// "TLSA 3 1 1 8a1f…" (the hex may be split by spaces, as zone files allow).
public enum TLSARecordParser {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case fields(String)
        case number(String, field: String)
        case hex(String)
        case notHex(String)

        public var description: String {
            switch self {
            case .fields(let text): "TLSA record \(BoundedText.quoted(text)) must be 'USAGE SELECTOR MATCHING HEX'"
            case .number(let text, let field): "TLSA record \(BoundedText.quoted(text)): \(field) must be a number from 0 to 255"
            case .hex(let text): "TLSA record \(BoundedText.quoted(text)): certificate association data must be an even number of hex digits"
            case .notHex(let text): "TLSA record \(BoundedText.quoted(text)): certificate association data must be hex digits (0-9, a-f)"
            }
        }
    }

    public static func parse(_ text: String) throws(Failure) -> TLSARecord {
        var fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let tlsa = fields.lastIndex(where: { $0.uppercased() == "TLSA" }) { fields = Array(fields[(tlsa + 1)...]) }
        guard fields.count >= 4 else { throw .fields(text) }
        func number(_ value: String, _ field: String) throws(Failure) -> UInt8 {
            guard let parsed = UInt8(value) else { throw .number(text, field: field) }
            return parsed
        }
        let usage = try number(fields[0], "usage")
        let selector = try number(fields[1], "selector")
        let matching = try number(fields[2], "matching type")
        let hex = Array(fields[3...].joined().utf8)
        guard !hex.isEmpty, hex.count % 2 == 0 else { throw .hex(text) }
        var data: [UInt8] = []
        data.reserveCapacity(hex.count / 2)
        var index = 0
        while index < hex.count {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { throw .notHex(text) }
            data.append(high << 4 | low)
            index += 2
        }
        return TLSARecord(usage: usage, selector: selector, matchingType: matching, data: data)
    }

    /// Every record in a file: one per line; blank lines and lines starting with ';' or '#' skipped.
    public static func parseFile(_ contents: String) throws(Failure) -> [TLSARecord] {
        var records: [TLSARecord] = []
        for line in contents.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix(";") || trimmed.hasPrefix("#") { continue }
            records.append(try parse(trimmed))
        }
        return records
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
