/// Where to look for an MX host's TLSA records, or why not to (RFC 7672 §2.2.3).
public enum TLSABaseDomainDecision: Sendable, Hashable {
    /// Look up `_25._tcp.` at each candidate in order; `note` explains a CNAME-driven choice.
    case lookUp(candidates: [DNSName], note: String?)
    /// No TLSA lookup: DANE does not apply to this host, or its address lookups failed.
    case skip(reason: String)
    /// The address records came through an insecure CNAME chain: the CNAME at the original
    /// name must be looked up to know whether the first hop is secure.
    case checkCNAME
}
