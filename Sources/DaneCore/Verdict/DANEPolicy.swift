/// What DANE demands of connections to one MX host, from its TLSA lookup (RFC 7672 §2.2).
public enum DANEPolicy: Sendable, Hashable {
    /// Secure, usable TLSA records: STARTTLS mandatory and DANE authentication required.
    case authenticate(DANEExpectation)
    /// Secure TLSA records, none usable: STARTTLS mandatory, no authentication.
    case encryptOnly(reason: String)
    /// DANE does not apply: opportunistic TLS.
    case opportunistic(reason: String)
    /// The TLSA (or address) lookup failed: the host cannot be used (RFC 7672 §2.1.2).
    case unusable(reason: String)
    /// DANE verification whose records did not come from a secure DNS path: under an insecure MX
    /// RRset (`--insecure-mx dane`, Postfix's default; RFC 7672 §2.2.1), or given on the command
    /// line. Success is "trusted", never "authenticated"; `reason` says why ("MX RRset insecure").
    case trust(DANEExpectation, reason: String)
    /// No DANE; STARTTLS required by local policy (`--tls required`), no verification.
    case tlsRequired(reason: String)
    /// No DANE; the chain must pass a PKIX check (`--tls-verify ca|host`). `required`: STARTTLS too.
    case pkix(PKIXExpectation, required: Bool, reason: String)
    /// No DANE and TLS disabled by local policy (`--tls disabled`): no STARTTLS.
    case plaintext(reason: String)

    /// The policy for a host from what DNS said. `nextHop` is the mail domain when known: a DANE-TA
    /// certificate may also carry that name (§3.2.2).
    public static func of(_ host: HostReport, nextHop: DNSName? = nil) -> DANEPolicy {
        let tlsa = host.tlsa
        guard let final = tlsa.final, let base = tlsa.baseDomain else {
            return .opportunistic(reason: "TLSA not looked up: \(tlsa.skipped ?? "no address records")")
        }
        if final.status.isFailure {
            return .unusable(reason: final.failureLine)
        }
        if final.isDenial {
            return .opportunistic(reason: "no TLSA records at \(final.name.text)\(final.isSecure ? " (secure denial)" : "")")
        }
        guard final.isSecure else {
            return .opportunistic(reason: "TLSA RRset at \(final.owner.text) is insecure")
        }
        let usable = tlsa.entries.filter(\.usability.isUsable).compactMap(\.record)
        if usable.isEmpty {
            return .encryptOnly(reason: "TLSA records present but none usable (RFC 7672 §2.2)")
        }
        // Names matter to DANE-TA(2) only (§3.2.2; DANE-EE(3) ignores them, §3.1.1): leaving them
        // out otherwise makes one MX host's probe the same for every domain that uses it.
        let names = usable.contains { $0.usage == 2 } ? [host.name] + [nextHop].compactMap { $0 } : []
        return .authenticate(DANEExpectation(baseDomain: base, extraNames: names, records: usable))
    }

    /// Given records (`--tlsa`) instead of DNS: usable ones are verified, but a match is only
    /// "trusted" (the records are not DNSSEC-validated); else TLS is only mandatory.
    public static func given(_ records: [TLSARecord], baseDomain: DNSName) -> DANEPolicy {
        let usable = records.filter { SMTPTLSAUsabilityRule.evaluate($0).isUsable }
        if usable.isEmpty { return .encryptOnly(reason: "none of the given TLSA records is usable") }
        return .trust(DANEExpectation(baseDomain: baseDomain, records: usable), reason: "records given, not DNSSEC-validated")
    }

    public var expectation: DANEExpectation? {
        switch self {
        case .authenticate(let expectation), .trust(let expectation, _): expectation
        default: nil
        }
    }

    /// STARTTLS must succeed for mail to leave the queue.
    public var requiresTLS: Bool {
        switch self {
        case .authenticate, .trust, .encryptOnly, .tlsRequired: true
        case .pkix(_, let required, _): required
        case .opportunistic, .unusable, .plaintext: false
        }
    }

    /// A word for JSON: authenticate, trust, encrypt, tls-required, pkix, opportunistic, plaintext, unusable.
    public var keyword: String {
        switch self {
        case .authenticate: "authenticate"
        case .trust: "trust"
        case .encryptOnly: "encrypt"
        case .tlsRequired: "tls-required"
        case .pkix: "pkix"
        case .opportunistic: "opportunistic"
        case .plaintext: "plaintext"
        case .unusable: "unusable"
        }
    }

    /// One line for the report: what is demanded and why.
    public var explanation: String {
        switch self {
        case .authenticate(let expectation):
            "DANE authentication required (base domain \(expectation.baseDomain.text))"
        case .trust(let expectation, let reason):
            "DANE verification, \(reason) (base domain \(expectation.baseDomain.text)): trusted at best"
        case .encryptOnly(let reason): "TLS mandatory, unauthenticated: \(reason)"
        case .tlsRequired(let reason): "TLS required by local policy, unauthenticated: \(reason)"
        case .pkix(let expectation, let required, let reason):
            "PKIX verification\(expectation.hostname.map { " of \($0.text)" } ?? "")\(required ? ", TLS required" : "") (\(reason))"
        case .opportunistic(let reason): "opportunistic TLS: \(reason)"
        case .plaintext(let reason): "plaintext: \(reason)"
        case .unusable(let reason): "host unusable: \(reason)"
        }
    }

    /// Why this policy, when there is more to say than the keyword.
    public var reason: String? {
        switch self {
        case .authenticate: nil
        case .trust(_, let reason), .encryptOnly(let reason), .tlsRequired(let reason), .pkix(_, _, let reason), .opportunistic(let reason),
             .plaintext(let reason), .unusable(let reason): reason
        }
    }

    /// How to probe an address under this policy; `host` is the MX host name (SNI without DANE).
    public func request(host: DNSName) -> ProbeRequest {
        switch self {
        case .authenticate(let expectation), .trust(let expectation, _):
            ProbeRequest(serverName: expectation.baseDomain, verification: .dane(expectation))
        case .pkix(let expectation, _, _):
            ProbeRequest(serverName: host, verification: .pkix(expectation))
        case .plaintext:
            ProbeRequest(serverName: host, verification: .none, startTLS: false)
        case .encryptOnly, .opportunistic, .unusable, .tlsRequired:
            ProbeRequest(serverName: host, verification: .none)
        }
    }
}
