import Foundation

/// One TLSA record (RFC 6698 §2.1) with the RFC 7218 names of its fields.
public struct TLSARecord: Sendable, Hashable, CustomStringConvertible {
    public let usage: UInt8
    public let selector: UInt8
    public let matchingType: UInt8
    public let data: [UInt8]

    public init(usage: UInt8, selector: UInt8, matchingType: UInt8, data: [UInt8]) {
        self.usage = usage
        self.selector = selector
        self.matchingType = matchingType
        self.data = data
    }

    /// Certificate association data in lower-case hex.
    public var hexData: String { Digest.hex(data) }

    /// "3 1 1 8a1f…" in full, as in a zone file.
    public var description: String { "\(usage) \(selector) \(matchingType) \(hexData)" }

    /// "3 1 1 8a1f2b3c4d5e6f70…": the first 16 hex digits, for a line that names the record.
    public var abbreviated: String {
        "\(usage) \(selector) \(matchingType) \(Digest.hex(Array(data.prefix(8))))\(data.count > 8 ? "…" : "")"
    }

    /// Usage, selector, matching type, then data: the order records are shown in.
    public static func presentationOrder(_ lhs: TLSARecord, _ rhs: TLSARecord) -> Bool {
        (lhs.usage, lhs.selector, lhs.matchingType) != (rhs.usage, rhs.selector, rhs.matchingType)
            ? (lhs.usage, lhs.selector, lhs.matchingType) < (rhs.usage, rhs.selector, rhs.matchingType)
            : lhs.data.lexicographicallyPrecedes(rhs.data)
    }

    /// RFC 7218 §2.1 acronym of the usage: PKIX-TA, PKIX-EE, DANE-TA, DANE-EE.
    public var usageName: String {
        switch usage {
        case 0: "PKIX-TA"
        case 1: "PKIX-EE"
        case 2: "DANE-TA"
        case 3: "DANE-EE"
        default: "usage \(usage)"
        }
    }

    /// RFC 7218 §2.2 acronym of the selector: Cert, SPKI.
    public var selectorName: String {
        switch selector {
        case 0: "Cert"
        case 1: "SPKI"
        default: "selector \(selector)"
        }
    }

    /// RFC 7218 §2.3 acronym of the matching type: Full, SHA2-256, SHA2-512.
    public var matchingTypeName: String {
        switch matchingType {
        case 0: "Full"
        case 1: "SHA2-256"
        case 2: "SHA2-512"
        default: "matching type \(matchingType)"
        }
    }
}
