/// The policy for one MX host under local settings (Momentum's DANE module): DANE takes
/// precedence when a secure usable TLSA RRset exists, with no fallback; `tls` and `tls_verify`
/// count only where DANE does not apply. Under an insecure MX RRset DANE applies only when the
/// policy says to use the host's TLSA anyway (`insecure_mx=dane`, then a match is trusted at
/// best), whatever the walk looked up (`domain` looks up TLSA to show it).
public enum HostPolicyRule {
    public static func evaluate(_ host: HostReport, mxStatus: SecurityStatus?, nextHop: DNSName?,
                                policy: CheckPolicy) -> DANEPolicy {
        let insecureMX = InsecureMXRule.evaluate(mxStatus: mxStatus, useTLSA: policy.insecureMX == .dane)
        if case .noDANE(let reason) = insecureMX { return fallback(host, reason, policy) }
        let dane = DANEPolicy.of(host, nextHop: nextHop)
        switch dane {
        case .unusable:
            // A failed TLSA lookup makes the host unusable only when DANE is applied.
            return policy.enableDANE ? dane : fallback(host, "enable_dane is off", policy)
        case .authenticate(let expectation):
            guard policy.enableDANE else { return fallback(host, "enable_dane is off", policy) }
            // TLSA looked up under an insecure MX RRset is trusted at best (the policy's choice to look).
            if case .trustOnly(let reason) = insecureMX { return .trust(expectation, reason: reason) }
            return dane
        case .encryptOnly:
            return policy.enableDANE ? dane : fallback(host, "enable_dane is off", policy)
        case .opportunistic(let reason):
            return fallback(host, reason, policy)
        case .trust, .tlsRequired, .pkix, .plaintext:
            return dane
        }
    }

    /// No DANE: the configured STARTTLS behaviour.
    static func fallback(_ host: HostReport, _ reason: String, _ policy: CheckPolicy) -> DANEPolicy {
        let because = "tls=\(policy.tls.rawValue)\(policy.tlsVerify == .none ? "" : " tls_verify=\(policy.tlsVerify.rawValue)"); no DANE: \(reason)"
        switch (policy.tls, policy.tlsVerify) {
        case (.disabled, _):
            return .plaintext(reason: because)
        case (.required, .none):
            return .tlsRequired(reason: because)
        case (.ifavailable, .none):
            return .opportunistic(reason: reason)
        case (_, let verify):
            let expectation = PKIXExpectation(caFile: policy.caFile, hostname: verify == .host ? host.name : nil)
            return .pkix(expectation, required: policy.tls == .required, reason: because)
        }
    }
}
