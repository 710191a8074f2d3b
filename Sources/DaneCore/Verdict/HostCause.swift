/// Why one MX host got its verdict, as values (`HostProbeReport.cause`): the address mail goes
/// through, or why none takes it. `description` is its one line.
public enum HostCause: Sendable, Hashable, CustomStringConvertible {
    /// No DNSSEC status is known (the resolvers do not validate).
    case unvalidated(String)
    /// The host does not exist (NXDOMAIN for its addresses); the text says so.
    case doesNotExist(String)
    /// The address mail goes through (the first that delivers).
    case delivers(AddressReport)
    /// The host cannot be used (a failed lookup, an MTA-STS policy that leaves it out).
    case unusable(String)
    /// No address takes mail: the first address's cause.
    case deferred(AddressReport)
    /// No address to connect to; the text says why (its lookups' outcome).
    case noAddress(String)

    public var description: String {
        switch self {
        case .unvalidated(let reason), .doesNotExist(let reason), .unusable(let reason), .noAddress(let reason): reason
        case .delivers(let address): "via [\(address.probe.address)]: \(address.reason)"
        case .deferred(let address): address.reason
        }
    }

    /// The address whose cause this is, when there is one.
    public var address: AddressReport? {
        switch self {
        case .delivers(let address), .deferred(let address): address
        default: nil
        }
    }
}
