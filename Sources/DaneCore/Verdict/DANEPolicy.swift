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

    /// The policy for a host from what DNS said. `nextHop` is the mail domain when known: a DANE-TA
    /// certificate may also carry that name (§3.2.2).
    public static func of(_ host: HostReport, nextHop: DNSName? = nil) -> DANEPolicy {
        let tlsa = host.tlsa
        guard let final = tlsa.final, let base = tlsa.baseDomain else {
            return .opportunistic(reason: "TLSA not looked up: \(tlsa.skipped ?? "no address records")")
        }
        if final.status.isFailure {
            return .unusable(reason: "TLSA lookup for \(final.name.text) failed: \(final.status.rawValue) (\(final.failureReason ?? "no answer"))")
        }
        if final.isDenial {
            return .opportunistic(reason: "no TLSA records at \(final.name.text)\(final.isSecure ? " (secure denial)" : "")")
        }
        guard final.isSecure else {
            return .opportunistic(reason: "TLSA RRset at \(final.owner.text) is insecure")
        }
        let usable = tlsa.entries.filter(\.usability.isUsable).map(\.record)
        if usable.isEmpty {
            return .encryptOnly(reason: "TLSA records present but none usable (RFC 7672 §2.2)")
        }
        return .authenticate(DANEExpectation(baseDomain: base, extraNames: [host.name] + [nextHop].compactMap { $0 },
                                             records: usable))
    }

    /// Given records (`--tlsa`) instead of DNS: usable ones authenticate, else TLS is only mandatory.
    public static func given(_ records: [TLSARecord], baseDomain: DNSName) -> DANEPolicy {
        let usable = records.filter { SMTPTLSAUsabilityRule.evaluate($0).isUsable }
        if usable.isEmpty { return .encryptOnly(reason: "none of the given TLSA records is usable") }
        return .authenticate(DANEExpectation(baseDomain: baseDomain, records: usable))
    }

    public var expectation: DANEExpectation? {
        if case .authenticate(let expectation) = self { return expectation }
        return nil
    }

    /// STARTTLS must succeed for mail to leave the queue.
    public var requiresTLS: Bool {
        switch self {
        case .authenticate, .encryptOnly: true
        case .opportunistic, .unusable: false
        }
    }
}
