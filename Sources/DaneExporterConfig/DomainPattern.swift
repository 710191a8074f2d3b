import DaneCore

/// A module's `allowed_domains` entry: a domain name (that name only), `*.NAME` (any name below
/// NAME, not NAME itself) or `*` (any name). Letter case and a final dot do not matter.
public struct DomainPattern: Sendable, Hashable, CustomStringConvertible {
    /// The name the pattern is anchored at, lower case, without the final dot ("" for `*`).
    let base: String
    let below: Bool

    public init(parsing text: String) throws(DNSNameError) {
        let lowered = text.lowercased()
        if lowered == "*" {
            base = ""
            below = true
        } else if lowered.hasPrefix("*.") {
            base = try DNSName(validating: String(lowered.dropFirst(2))).text.lowercased()
            below = true
        } else {
            base = try DNSName(validating: lowered).text.lowercased()
            below = false
        }
    }

    public func matches(_ name: DNSName) -> Bool {
        let text = name.text.lowercased()
        if base.isEmpty { return true }
        return below ? text.hasSuffix("." + base) : text == base
    }

    public var description: String { base.isEmpty ? "*" : below ? "*.\(base)" : base }
}
