/// What a handshake offering only one key type's signature algorithms says about the server's
/// certificate of that type, under the host's policy. Only a DANE or PKIX policy has anything to
/// judge (any certificate does for opportunistic TLS); the default handshake's certificate is
/// judged by `AddressVerdictRule`, this one changes no verdict.
enum KeyTypeRule {
    /// X509_V_ERR_DANE_NO_MATCH.
    static let noMatch = 65

    static func evaluate(_ keyType: CertificateKeyType, _ probe: AddressProbe, policy: DANEPolicy) -> KeyTypeReport.Finding {
        guard let tls = probe.tls else {
            guard case .transport(let phase, let failure)? = probe.transcript.failure else {
                return .unchecked(probe.transcript.failure?.description ?? "no TLS session")
            }
            // The handshake itself failed on the restricted offer: no certificate of that kind.
            if phase == .handshake, case .tls = failure { return .notHeld }
            return .unchecked(failure.description)
        }
        // A server that ignored the offer and sent another kind's certificate holds none of this kind.
        guard CertificateKeyType(keyTypeName: tls.keyType) == keyType else { return .notHeld }
        if let match = tls.daneMatch { return .matched(match) }
        if let expectation = policy.expectation {
            // OpenSSL's words only when they say more than "no record matched".
            let why = tls.verifyError.map { tls.verifyCode == noMatch ? "" : " (\($0))" } ?? ""
            let records = expectation.records.map(\.abbreviated).joined(separator: ", ")
            return .unmatched("matches none of its TLSA records (\(records))\(why): senders that negotiate \(keyType.rawValue) defer")
        }
        if tls.verifyCode == 0 { return .matched(nil) }
        return .unmatched("fails the PKIX check (\(tls.verifyError ?? "code \(tls.verifyCode)")): "
                          + "senders that negotiate \(keyType.rawValue) and verify defer")
    }

    /// True when the policy has a chain to judge: DANE (authenticate, trust) or PKIX.
    static func applies(to policy: DANEPolicy) -> Bool {
        switch policy {
        case .authenticate, .trust, .pkix: true
        default: false
        }
    }
}
