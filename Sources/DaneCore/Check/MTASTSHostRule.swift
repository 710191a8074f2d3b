/// RFC 8461 §4 beside DANE, as the Momentum DANE documentation puts it: "MTA-STS policy will apply
/// to MX selection for email delivery, but if a secure TLSA record is available, only the DANE TLS
/// validation will be applied … If DANE TLS failed, no fallback to other verification means
/// (MTA-STS, tls, tls_verify)."
public enum MTASTSHostRule {
    public enum Decision: Sendable, Equatable {
        /// DANE decides (a secure usable TLSA RRset, or a failed TLSA lookup: no fallback).
        case unchanged
        /// RFC 8461 §4.1: the host matches no mx pattern; it is not used.
        case excluded(reason: String)
        /// RFC 8461 §4.2: TLS with a PKIX-valid certificate for the MX host's name.
        case pkix(DANEPolicy)
    }

    public static func evaluate(_ host: HostReport, dane: DANEPolicy, policy: MTASTSPolicy, caFile: String?) -> Decision {
        guard policy.allows(host.name) else {
            return .excluded(reason: "not used: \(host.name.text) is not in the MTA-STS policy (mx: \(policy.mx.joined(separator: ", ")))")
        }
        switch dane {
        case .authenticate, .trust, .unusable:
            // A secure usable TLSA RRset (under an insecure MX RRset too): DANE only.
            return .unchanged
        default:
            let expectation = PKIXExpectation(caFile: caFile, hostname: host.name)
            return .pkix(.pkix(expectation, required: true,
                               reason: "MTA-STS \(policy.mode.rawValue), RFC 8461 §4.2: a valid certificate for \(host.name.text) is required"))
        }
    }
}
