import Foundation

/// A fully qualified domain name, stored lower-case with its trailing dot.
///
/// Names typed by a user go through `init(validating:)` (strict host-name rules, IDNA to A-labels);
/// names read from DNS answers use `init(dnsText:)`, which keeps them as the server sent them.
public struct DNSName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name with its trailing dot, e.g. "mx1.example.test.".
    public let absolute: String

    /// The name without its trailing dot, e.g. "mx1.example.test" (the root is ".").
    public var text: String { absolute == "." ? "." : String(absolute.dropLast()) }

    public var description: String { text }

    /// A name as printed by ldns (presentation format, escapes kept).
    public init(dnsText: String) {
        let lowered = dnsText.lowercased()
        absolute = lowered.hasSuffix(".") ? lowered : lowered + "."
    }

    /// Validates a name typed by a user: LDH labels of 1-63 octets, at most 253 octets in all,
    /// no IP literals; non-ASCII labels are converted to A-labels (RFC 5891, RFC 3492).
    public init(validating input: String) throws(DNSNameError) {
        absolute = try DNSNameValidator.validate(input)
    }

    /// A DNS owner name as typed: the rules of `init(validating:)`, except that leading labels
    /// may start with "_" (service owners such as "_25._tcp.mx.example.com"), and the left-most
    /// label may be "*" as a whole (a wildcard owner such as "*.example.com", RFC 4592 §2.1.1).
    public init(validatingOwner input: String) throws(DNSNameError) {
        if input.hasPrefix("*."), !input.dropFirst(2).hasPrefix("*") {
            let name = try DNSName(validatingOwner: String(input.dropFirst(2))).prepending("*")
            if name.wireLength > Self.maxWireLength { throw .nameTooLong(input, octets: name.text.utf8.count) }
            self = name
            return
        }
        let labels = input.split(separator: ".", omittingEmptySubsequences: false)
        let underscored = labels.prefix { $0.hasPrefix("_") && $0.count > 1 }
        let rest = try DNSName(validating: labels.dropFirst(underscored.count).joined(separator: "."))
        for label in underscored {
            if let bad = label.dropFirst().first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                throw .invalidCharacter(input, bad)
            }
        }
        let name = underscored.isEmpty ? rest : rest.prepending(underscored.joined(separator: ".").lowercased())
        if name.wireLength > Self.maxWireLength { throw .nameTooLong(input, octets: name.text.utf8.count) }
        self = name
    }

    /// The name with `labels` prepended, e.g. `_25._tcp` + `mx.example.test.`.
    public func prepending(_ labels: String) -> DNSName {
        DNSName(dnsText: absolute == "." ? labels + "." : labels + "." + absolute)
    }

    /// The TLSA owner name for an SMTP server at this host (RFC 7672 §2.2.3).
    public func tlsaName(port: UInt16 = 25) -> DNSName { prepending("_\(port)._tcp") }

    public static func < (lhs: DNSName, rhs: DNSName) -> Bool { lhs.absolute < rhs.absolute }

    /// The name with its first label removed; nil for the root.
    public var parent: DNSName? {
        guard absolute != "." else { return nil }
        guard let dot = Self.firstLabelEnd(absolute) else { return DNSName(dnsText: ".") }
        return DNSName(dnsText: String(absolute[absolute.index(after: dot)...]))
    }

    /// True when this name equals `ancestor` or lies below it.
    public func isSubdomain(of ancestor: DNSName) -> Bool {
        // Label by label: "a\\.example.test." is a child of "test.", not of "example.test.".
        var current: DNSName? = self
        let depth = ancestor.labelCount
        while let name = current, name.labelCount > depth { current = name.parent }
        return current == ancestor
    }

    /// Labels, root excluded ("mx.example.test." has 3).
    public var labelCount: Int { absolute == "." ? 0 : (parent?.labelCount ?? 0) + 1 }

    /// Octets of the name in wire format (RFC 1035 §3.1): each label's length octet and
    /// content (an escape such as "\\." or "\\027" is one octet), and the root's zero octet.
    /// DNS names have at most 255 (RFC 1035 §2.3.4).
    public var wireLength: Int {
        guard absolute != "." else { return 1 }
        var octets = 1
        var label = 0
        var characters = Array(absolute.utf8)[...]
        while let byte = characters.popFirst() {
            switch byte {
            case UInt8(ascii: "\\"):
                if let next = characters.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
                    characters = characters.dropFirst(3)
                } else {
                    characters = characters.dropFirst()
                }
                label += 1
            case UInt8(ascii: "."):
                octets += label + 1
                label = 0
            default:
                label += 1
            }
        }
        return octets + (label > 0 ? label + 1 : 0)
    }

    /// The longest name DNS can carry, in wire octets (RFC 1035 §2.3.4).
    public static let maxWireLength = 255

    /// The end of the first label, skipping escaped dots ("a\.b.test." ends after "a\.b").
    private static func firstLabelEnd(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == "." { return index == text.index(before: text.endIndex) && index == text.startIndex ? nil : index }
            index = text.index(after: index)
        }
        return nil
    }
}
