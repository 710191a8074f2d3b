/// What an RFC 7672 MTA does with mail for an address, a host or a domain.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// Usable TLSA records and OpenSSL's DANE verification succeeded.
    case authenticated
    /// Verified, but not the way RFC 7672 authenticates: DANE under an insecure MX RRset
    /// (`--insecure-mx dane`), or a PKIX chain and name (`--tls-verify`).
    case trusted
    /// TLSA records present but none usable: TLS mandatory and done, unauthenticated (§2.2).
    case encrypted
    /// No DANE applies: TLS if offered, plaintext otherwise.
    case opportunistic
    /// The mail stays in the queue (§2.1.2, §9.1): TLS mandatory but failed, DANE failed, lookup failed.
    case `defer`
    /// No mail can be delivered (NXDOMAIN, null MX).
    case undeliverable

    /// True when mail would leave the queue.
    public var delivers: Bool { self != .defer && self != .undeliverable }
}
