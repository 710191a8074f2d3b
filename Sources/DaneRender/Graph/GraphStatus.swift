import DaneCore

/// The colours of DNSViz's visual language, which DNSSEC operators already read: a status in
/// one colour everywhere (node borders, edges, zone frames).
public enum GraphStatus: String, Sendable, CaseIterable {
    case secure, bogus, insecure, indeterminate
    /// A signature that verifies but is outside its validity window (expired or not yet valid).
    case expired
    /// A key that a DS or RRSIG names and that is not there.
    case missing

    public init(_ status: SecurityStatus) {
        switch status {
        case .secure: self = .secure
        case .bogus: self = .bogus
        case .insecure: self = .insecure
        case .indeterminate: self = .indeterminate
        }
    }

    /// DNSViz's colours (dnsviz/viz/dnssec.py COLORS).
    public var color: String {
        switch self {
        case .secure: "#0a879a"
        case .bogus: "#be1515"
        case .insecure: "#000000"
        case .indeterminate: "#f4b800"
        case .expired: "#6131a3"
        case .missing: "#d0d0d0"
        }
    }

    var legend: String {
        switch self {
        case .secure: "secure"
        case .bogus: "bogus"
        case .insecure: "insecure"
        case .indeterminate: "indeterminate"
        case .expired: "expired or not yet valid signature"
        case .missing: "named, not there"
        }
    }
}
