/// The DNSSEC status of one lookup (RFC 4033 §5, RFC 7672 §2.1.1).
///
/// "secure" and "insecure" are answers; "bogus" and "indeterminate" are lookup errors and are
/// never shown as "no records" (RFC 7672 §2.1.1, §2.1.2).
public enum SecurityStatus: String, Sendable, Codable, CaseIterable {
    /// Validated: the resolver set AD=1.
    case secure
    /// An answer without AD: unsigned data, or a resolver that does not validate.
    case insecure
    /// The validating resolver failed the lookup (SERVFAIL) although the data exists with CD=1;
    /// validating here: signatures, keys or proofs that fail, or keys a DS (or anchor) promises
    /// that cannot be had (RFC 4035 §4.3).
    case bogus
    /// No usable answer: timeout, unreachable resolver, or a SERVFAIL that CD=1 does not explain.
    case indeterminate

    /// True for the two outcomes that are lookup errors.
    public var isFailure: Bool { self == .bogus || self == .indeterminate }
}
