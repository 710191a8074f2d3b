/// What an RFC 7672 MTA does with mail for an address, a host or a domain, in one word. The
/// words map onto Postfix's TLS levels and log words (README, "Verdicts"); `authenticated` is
/// only ever OpenSSL's DANE verification against secure TLSA records.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// Usable secure TLSA records and OpenSSL's DANE verification succeeded (Postfix: Verified).
    case authenticated
    /// A PKIX chain to a trusted CA whose certificate carries the reference name: `--tls-verify
    /// host`, a host an enforced MTA-STS policy lists (Postfix: Verified).
    case verified
    /// Verified, but not by name or not from a secure DNS path: a PKIX chain without a name check
    /// (`--tls-verify ca`), a DANE match under an insecure MX RRset or with records given on the
    /// command line (Postfix: Trusted).
    case trusted
    /// TLS mandatory and done, unauthenticated: TLSA records present but none usable (§2.2),
    /// or `--tls required` (Postfix: Untrusted, encrypt).
    case encrypted
    /// No DANE applies: TLS if offered, plaintext otherwise (Postfix: Untrusted or Anonymous, may).
    case opportunistic
    /// The mail stays in the queue (§2.1.2, §9.1): TLS mandatory but failed, DANE failed, lookup failed.
    case `defer`
    /// No mail can be delivered (NXDOMAIN, null MX, no address).
    case undeliverable
    /// The resolver does not validate DNSSEC: no lookup's status is known, so neither is what a
    /// DANE MTA would do (use a validating resolver, or `--validation local`).
    case unknown

    /// True when mail would leave the queue.
    public var delivers: Bool {
        switch self {
        case .authenticated, .verified, .trusted, .encrypted, .opportunistic: true
        case .defer, .undeliverable, .unknown: false
        }
    }

    /// The words a command that probes can print for an address or a host, in this order.
    public static let probeWords: [Verdict] = [.authenticated, .verified, .trusted, .encrypted, .opportunistic, .defer, .undeliverable, .unknown]
}
