/// RFC 7672 for one address: what an MTA does with mail given the host's DANE policy and what
/// the STARTTLS probe found. Authentication comes only from OpenSSL (TLSSummary.daneMatch).
public enum AddressVerdictRule {
    public static func evaluate(_ policy: DANEPolicy, _ probe: AddressProbe) -> (Verdict, AddressCause) {
        let transcript = probe.transcript
        if case .unusable(let reason) = policy { return (.defer, .hostUnusable(reason)) }
        guard let tls = probe.tls else {
            return withoutTLS(policy, transcript)
        }
        let session = "\(tls.version) \(tls.cipher)"
        if let failure = transcript.failure { return (.defer, .afterTLS(failure)) }
        switch policy {
        case .authenticate(let expectation), .trust(let expectation, _):
            guard let match = tls.daneMatch else {
                return (.defer, .noMatch(DANEFailureExplainer.explain(tls, expectation: expectation, now: probe.finishedAt)))
            }
            if case .trust(_, let reason) = policy {
                return (.trusted, .matched(match.record, depth: match.depth, session: session, trustedBecause: reason))
            }
            return (.authenticated, .matched(match.record, depth: match.depth, session: session, trustedBecause: nil))
        case .pkix(let expectation, _, let reason):
            guard tls.verifyCode == 0 else {
                return (.defer, .pkixFailed(tls.verifyError ?? "error \(tls.verifyCode)", policy: reason))
            }
            // A chain to a trusted CA with the reference name matched is Postfix's Verified; the
            // chain alone, without a name check, its Trusted.
            return (expectation.hostname == nil ? .trusted : .verified,
                    .pkixVerified(session: session, hostname: expectation.hostname, policy: reason))
        case .tlsRequired(let reason), .encryptOnly(let reason):
            return (.encrypted, .unauthenticated(session: session, reason: reason))
        case .plaintext(let reason):
            return (.opportunistic, .plaintext(reason))
        case .opportunistic(let reason):
            return (.opportunistic, .opportunistic(session: session, reason: reason))
        case .unusable(let reason):
            return (.defer, .hostUnusable(reason))
        }
    }

    private static func withoutTLS(_ policy: DANEPolicy, _ transcript: SMTPTranscript) -> (Verdict, AddressCause) {
        let mandatory: String
        switch policy {
        case .authenticate, .trust: mandatory = "TLS is mandatory: usable TLSA records (RFC 7672 §2.2)"
        case .encryptOnly: mandatory = "TLS is mandatory: TLSA records present (RFC 7672 §2.2)"
        case .opportunistic(let reason), .unusable(let reason), .tlsRequired(let reason), .pkix(_, _, let reason):
            mandatory = reason
        case .plaintext(let reason):
            if transcript.failure == nil { return (.opportunistic, .plaintext(reason)) }
            mandatory = reason
        }
        let missing: AddressCause.TLSMissing?
        switch transcript.failure {
        case .starttlsRefused(let reply)?: missing = .refused(reply)
        case .transport(.handshake, let failure)?: missing = .handshake(failure)
        case .transport(.starttls, let failure)?: missing = .starttls(failure)
        case nil where !transcript.starttlsOffered: missing = .notOffered
        default: missing = nil
        }
        if let missing {
            let delivers = !policy.requiresTLS
            return (delivers ? .opportunistic : .defer, .withoutTLS(missing, mandatory: mandatory, delivers: delivers))
        }
        return (.defer, .noSession(transcript.failure))
    }
}
