/// RFC 7672 for one address: what an MTA does with mail given the host's DANE policy and what
/// the STARTTLS probe found. Authentication comes only from OpenSSL (TLSSummary.daneMatch).
public enum AddressVerdictRule {
    public static func evaluate(_ policy: DANEPolicy, _ probe: AddressProbe) -> (Verdict, String) {
        let transcript = probe.transcript
        if case .unusable(let reason) = policy { return (.defer, reason) }
        guard let tls = probe.tls else {
            return withoutTLS(policy, transcript)
        }
        let session = "\(tls.version) \(tls.cipher)"
        if let failure = transcript.failure { return (.defer, "after TLS: \(failure)") }
        switch policy {
        case .authenticate(let expectation), .trust(let expectation, _):
            guard let match = tls.daneMatch else {
                return (.defer, DANEFailureExplainer.explain(tls, expectation: expectation, now: probe.finishedAt))
            }
            let record = match.record
            let matched = "\(record.usage) \(record.selector) \(record.matchingType) matched at depth \(match.depth) (\(session))"
            if case .trust(_, let reason) = policy { return (.trusted, "\(matched); \(reason): trusted, not authenticated") }
            return (.authenticated, matched)
        case .pkix(let expectation, _, let reason):
            guard tls.verifyCode == 0 else {
                return (.defer, "certificate verification failed: \(tls.verifyError ?? "error \(tls.verifyCode)") (\(reason))")
            }
            // A chain to a trusted CA with the reference name matched is Postfix's Verified; the
            // chain alone, without a name check, its Trusted.
            guard let hostname = expectation.hostname else {
                return (.trusted, "\(session), chain verified by the CA store, no name checked (\(reason))")
            }
            return (.verified, "\(session), chain verified by the CA store, name \(hostname.text) matches (\(reason))")
        case .tlsRequired(let reason):
            return (.encrypted, "\(session), unauthenticated: \(reason)")
        case .plaintext(let reason):
            return (.opportunistic, "plaintext: \(reason)")
        case .encryptOnly(let reason):
            return (.encrypted, "\(session), unauthenticated: \(reason)")
        case .opportunistic(let reason):
            return (.opportunistic, "\(session) without authentication: \(reason)")
        case .unusable(let reason):
            return (.defer, reason)
        }
    }

    private static func withoutTLS(_ policy: DANEPolicy, _ transcript: SMTPTranscript) -> (Verdict, String) {
        let mandatory: String
        switch policy {
        case .authenticate, .trust: mandatory = "TLS is mandatory: usable TLSA records (RFC 7672 §2.2)"
        case .encryptOnly: mandatory = "TLS is mandatory: TLSA records present (RFC 7672 §2.2)"
        case .opportunistic(let reason), .unusable(let reason), .tlsRequired(let reason), .pkix(_, _, let reason):
            mandatory = reason
        case .plaintext(let reason):
            if transcript.failure == nil { return (.opportunistic, "plaintext: \(reason)") }
            mandatory = reason
        }
        let tlsFailure: String?
        switch transcript.failure {
        case .starttlsRefused(let reply)?: tlsFailure = "STARTTLS refused: \(reply)"
        case .transport(.handshake, let failure)?: tlsFailure = failure.description
        case .transport(.starttls, let failure)?: tlsFailure = "STARTTLS: \(failure)"
        case nil where !transcript.starttlsOffered: tlsFailure = "STARTTLS not offered"
        default: tlsFailure = nil
        }
        if let tlsFailure {
            if policy.requiresTLS { return (.defer, "\(tlsFailure); \(mandatory)") }
            return (.opportunistic, "\(tlsFailure): an MTA delivers in plaintext; \(mandatory)")
        }
        return (.defer, transcript.failure?.description ?? "no TLS session")
    }
}
