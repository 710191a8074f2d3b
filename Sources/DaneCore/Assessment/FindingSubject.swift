/// What a finding is about: the domain, one of its MX hosts, an address of a host, a resolver,
/// or the run as a whole (this network, not a domain).
public enum FindingSubject: Sendable, Hashable {
    case domain
    case host(DNSName)
    case address(host: DNSName, IPAddress)
    case resolver(ResolverAddress)
    case run

    public var isResolver: Bool {
        if case .resolver = self { return true }
        return false
    }

    /// The MX host, when the finding is about one (or one of its addresses).
    public var host: DNSName? {
        switch self {
        case .host(let name), .address(let name, _): name
        default: nil
        }
    }
}
