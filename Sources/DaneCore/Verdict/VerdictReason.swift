/// Why a domain got its verdict, as values (`DomainVerdictRule` decides it): the hosts, their
/// addresses and causes. `description` is the one line every face prints.
public enum VerdictReason: Sendable, Hashable, CustomStringConvertible {
    /// No DNSSEC status is known (the resolvers do not validate): the verdict is unknown.
    case unvalidated(String)
    /// An NXDOMAIN that cannot be trusted (its resolver denies the root zone too).
    case untrustedDenial(String)
    case nxDomain
    /// RFC 7505; `warning`: the other MX records published beside it.
    case nullMX(warning: String?)
    /// The MX lookup failed (bogus, indeterminate): its failure text.
    case mxLookupFailed(String)
    /// The host mail goes through, and the address (its cause, short for a DANE match).
    case delivered(host: DNSName, address: AddressReport)
    /// No MX host has an address.
    case noAddress
    /// Every MX host defers, each for its cause, in MX order (one line: `DeferralLine`).
    case everyHostDefers([(host: DNSName, cause: HostCause)])

    public var description: String {
        switch self {
        case .unvalidated(let reason), .untrustedDenial(let reason): reason
        case .nxDomain: "the domain does not exist (NXDOMAIN)"
        case .nullMX(let warning): warning ?? "null MX (RFC 7505)"
        case .mxLookupFailed(let failure): "MX lookup failed: \(failure)"
        case .delivered(_, let address): address.cause.shortMatch ?? address.reason
        case .noAddress: "no MX host has an address"
        case .everyHostDefers(let hosts): DeferralLine.text(hosts)
        }
    }

    public static func == (lhs: VerdictReason, rhs: VerdictReason) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
