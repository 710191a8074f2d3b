/// Tells whether a resolver validates DNSSEC. Every validator holds a trust anchor for the root,
/// so it answers the root SOA with AD=1 (RFC 4035 §3.2.3); a resolver that answers with AD=0
/// does not validate, and no lookup through it can be secure.
public enum ResolverValidationProbe {
    public static let query = DNSQuery(name: DNSName(dnsText: "."), type: .soa)

    /// true / false, or nil when the resolver gave no usable answer.
    public static func validates(through transport: any DNSTransport) async -> Bool? {
        let exchange = await transport.exchange(query)
        guard case .response(let response) = exchange.outcome, response.rcode == .noError else { return nil }
        return response.authenticData
    }
}
