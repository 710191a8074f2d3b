/// RFC 7672 §2.2.1, MX resolution, for a host reached through an MX RRset that is not secure.
///
/// > If the MX RRset (or any CNAME leading to it) is "insecure" (...), DANE TLS need not apply.
/// > (...) the SMTP client MAY proceed to use DANE TLS (...) even with MX hosts obtained via an
/// > "insecure" MX RRset.
///
/// Momentum's `use_dane` does not look (`--insecure-mx may`); Postfix's `dane` level does, and a
/// match is then "trusted", not "authenticated", since the MX RRset that named the host was not
/// validated (`--insecure-mx dane`). A host named directly (probe HOST) has no MX RRset.
public enum InsecureMXRule {
    public enum Decision: Sendable, Hashable {
        /// The MX RRset is secure (or there is none): DANE applies in full.
        case dane
        /// TLSA is used, but a match is only trusted; `reason` says why.
        case trustOnly(reason: String)
        /// DANE does not apply: TLSA is not looked up.
        case noDANE(reason: String)
    }

    /// `useTLSA`: the local choice to use the host's TLSA under an insecure MX RRset.
    public static func evaluate(mxStatus: SecurityStatus?, useTLSA: Bool) -> Decision {
        guard let mxStatus, mxStatus != .secure else { return .dane }
        if useTLSA { return .trustOnly(reason: "MX RRset \(mxStatus.rawValue)") }
        return .noDANE(reason: "the MX RRset is \(mxStatus.rawValue): DANE does not apply (RFC 7672 §2.2.1)")
    }
}
