/// Tells whether a resolver validates DNSSEC, and whether it resolves the whole tree at all.
/// Every validator holds a trust anchor for the root, so it answers the root SOA with AD=1
/// (RFC 4035 §3.2.3); a resolver that answers with AD=0 does not validate, and no lookup through
/// it can be secure. A resolver that answers NXDOMAIN for the root is not a working recursive
/// resolver (a filtering or sinkhole resolver); one that refuses it serves part of the tree only.
public enum ResolverValidationProbe {
    public static let query = DNSQuery(name: DNSName(dnsText: "."), type: .soa)

    /// What the root SOA query found out.
    public struct Finding: Sendable, Hashable {
        /// true / false, or nil when the resolver gave no usable answer.
        public let validates: Bool?
        /// The RCODE of an answer other than NOERROR (NXDOMAIN, REFUSED, SERVFAIL, …).
        public let rootAnswer: ResponseCode?
    }

    public static func probe(through transport: any DNSTransport) async -> Finding {
        let exchange = await transport.exchange(query)
        guard case .response(let response) = exchange.outcome else { return Finding(validates: nil, rootAnswer: nil) }
        guard response.rcode == .noError else { return Finding(validates: nil, rootAnswer: response.rcode) }
        return Finding(validates: response.authenticData, rootAnswer: nil)
    }

    /// true / false, or nil when the resolver gave no usable answer.
    public static func validates(through transport: any DNSTransport) async -> Bool? {
        await probe(through: transport).validates
    }
}
