/// The policy a sender applied (RFC 8460 §4.4 "policy-type"): DANE TLSA records, an MTA-STS
/// policy, or none found.
public enum TLSPolicyType: String, Sendable, Hashable, Comparable, CaseIterable {
    case tlsa
    case sts
    case noPolicyFound = "no-policy-found"

    public static func < (lhs: TLSPolicyType, rhs: TLSPolicyType) -> Bool { lhs.rawValue < rhs.rawValue }
}
