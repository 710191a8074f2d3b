import CLDNS
import Foundation

/// Owns an ldns resolver configured for exactly one server: RD=1, EDNS0 with DO=1 (RFC 4035 §3.2.1),
/// TCP retry when the UDP answer is truncated, one try with the given timeout.
final class LDNSResolver {
    private let pointer: UnsafeMutablePointer<ldns_resolver>

    init(server: ResolverAddress, timeout: Double) throws(LDNSError) {
        guard let resolver = ldns_resolver_new() else { throw LDNSError(status: LDNS_STATUS_MEM_ERR) }
        pointer = resolver
        let rdfType = server.address.family == .ipv4 ? LDNS_RDF_TYPE_A : LDNS_RDF_TYPE_AAAA
        guard let rdf = ldns_rdf_new_frm_str(rdfType, server.address.text) else {
            throw LDNSError(status: LDNS_STATUS_ADDRESS_ERR)
        }
        defer { ldns_rdf_deep_free(rdf) }
        let status = ldns_resolver_push_nameserver(resolver, rdf)
        guard LDNSStatus.isSuccess(status) else { throw LDNSError(status: status) }
        ldns_resolver_set_port(resolver, server.port)
        ldns_resolver_set_recursive(resolver, true)
        ldns_resolver_set_dnssec(resolver, true)
        ldns_resolver_set_edns_udp_size(resolver, 1232)
        ldns_resolver_set_fallback(resolver, true)
        ldns_resolver_set_defnames(resolver, false)
        ldns_resolver_set_dnsrch(resolver, false)
        ldns_resolver_set_random(resolver, false)
        ldns_resolver_set_retry(resolver, 1)
        let whole = timeout.rounded(.down)
        ldns_resolver_set_timeout(resolver, timeval(tv_sec: Int(whole), tv_usec: Int((timeout - whole) * 1_000_000)))
    }

    deinit { ldns_resolver_deep_free(pointer) }

    /// Sends one query and blocks until the answer or the timeout.
    func send(_ query: DNSQuery) throws(LDNSError) -> LDNSPacket {
        guard let name = ldns_dname_new_frm_str(query.name.absolute) else {
            throw LDNSError(status: LDNS_STATUS_DOMAINNAME_OVERFLOW)
        }
        defer { ldns_rdf_deep_free(name) }
        ldns_resolver_set_dnssec_cd(pointer, query.checkingDisabled)
        var flags = UInt16(LDNS_RD)
        if query.checkingDisabled { flags |= UInt16(LDNS_CD) }
        var answer: UnsafeMutablePointer<ldns_pkt>?
        let status = ldns_resolver_send(&answer, pointer, name, ldns_rr_type(UInt32(query.type.rawValue)),
                                        LDNS_RR_CLASS_IN, flags)
        guard LDNSStatus.isSuccess(status), let answer else {
            if let answer { ldns_pkt_free(answer) }
            throw LDNSError(status: status == LDNS_STATUS_OK ? LDNS_STATUS_NETWORK_ERR : status)
        }
        return LDNSPacket(taking: answer)
    }
}
