/// The result types of RFC 8460 §4.3 (the IANA "STARTTLS Validation Result Types" registry):
/// what a sending MTA says went wrong. A type the registry gained later is kept by name.
public enum TLSResultType: Sendable, Hashable, Comparable, CustomStringConvertible {
    // §4.3.1 Success (only in the summary counts of a report, never in failure-details).
    // §4.3.2.1 Negotiation failures.
    case starttlsNotSupported
    case certificateHostMismatch
    case certificateExpired
    case certificateNotTrusted
    case validationFailure
    // §4.3.2.2 Policy failures: DANE.
    case tlsaInvalid
    case dnssecInvalid
    case daneRequired
    // §4.3.2.2 Policy failures: MTA-STS.
    case stsPolicyFetchError
    case stsPolicyInvalid
    case stsWebPKIInvalid
    /// A name not in RFC 8460's list (kept, printed escaped).
    case other(String)

    static let known: [TLSResultType] = [
        .starttlsNotSupported, .certificateHostMismatch, .certificateExpired, .certificateNotTrusted, .validationFailure,
        .tlsaInvalid, .dnssecInvalid, .daneRequired, .stsPolicyFetchError, .stsPolicyInvalid, .stsWebPKIInvalid,
    ]

    public init(name: String) {
        self = Self.known.first { $0.name == name } ?? .other(name)
    }

    /// The report's word: "tlsa-invalid".
    public var name: String {
        switch self {
        case .starttlsNotSupported: "starttls-not-supported"
        case .certificateHostMismatch: "certificate-host-mismatch"
        case .certificateExpired: "certificate-expired"
        case .certificateNotTrusted: "certificate-not-trusted"
        case .validationFailure: "validation-failure"
        case .tlsaInvalid: "tlsa-invalid"
        case .dnssecInvalid: "dnssec-invalid"
        case .daneRequired: "dane-required"
        case .stsPolicyFetchError: "sts-policy-fetch-error"
        case .stsPolicyInvalid: "sts-policy-invalid"
        case .stsWebPKIInvalid: "sts-webpki-invalid"
        case .other(let name): name
        }
    }

    public var description: String { name }

    /// A failure of the MTA-STS policy itself (fetching or parsing it), not of a host.
    public var isSTSPolicy: Bool { self == .stsPolicyFetchError || self == .stsPolicyInvalid }

    public static func < (lhs: TLSResultType, rhs: TLSResultType) -> Bool { lhs.name < rhs.name }
}
