import Foundation

/// Strict checks for domain names given on the command line (RFC 1035 §2.3.1 LDH rule,
/// RFC 1035 §2.3.4 size limits, RFC 5891 A-labels).
enum DNSNameValidator {
    static func validate(_ input: String) throws(DNSNameError) -> String {
        if input.isEmpty { throw .empty }
        if input == "." { throw .root }
        if input.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7f }) {
            throw .whitespace(input)
        }
        if IPAddress.isLiteral(input) { throw .ipLiteral(input) }

        var name = input.hasSuffix(".") ? String(input.dropLast()) : input
        if !name.unicodeScalars.allSatisfy(\.isASCII) {
            name = try toASCII(name, original: input)
        }
        name = name.lowercased()

        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { throw .emptyLabel(input) }
            if label.utf8.count > 63 { throw .labelTooLong(input, octets: label.utf8.count) }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                throw .invalidCharacter(input, bad)
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                throw .hyphenAtLabelEdge(input, label: String(label))
            }
        }
        if name.utf8.count > 253 { throw .nameTooLong(input, octets: name.utf8.count) }
        return name + "."
    }

    /// IDNA ToASCII for each label: NFC and lower case, then Punycode with the "xn--" prefix.
    private static func toASCII(_ name: String, original: String) throws(DNSNameError) -> String {
        var out: [String] = []
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let normalized = String(label).precomposedStringWithCanonicalMapping.lowercased()
            if normalized.unicodeScalars.allSatisfy(\.isASCII) {
                out.append(normalized)
                continue
            }
            if let bad = normalized.unicodeScalars.first(where: { !isLabelScalar($0) }) {
                throw .idna(original, reason: "character '\(bad)' is not a letter, digit, mark or hyphen")
            }
            guard let encoded = Punycode.encode(normalized) else {
                throw .idna(original, reason: "label '\(label)' cannot be encoded")
            }
            out.append("xn--" + encoded)
        }
        return out.joined(separator: ".")
    }

    private static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return scalar == "-"
        }
    }
}

