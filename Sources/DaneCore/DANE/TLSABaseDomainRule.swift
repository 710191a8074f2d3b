/// RFC 7672 §2.2.3, TLSA base domain of an MX host.
///
/// > If the MX hostname is a CNAME (possibly a chain of CNAMEs) and the chain is secure,
/// > the SMTP client MUST first look up TLSA records at the fully CNAME-expanded name; if
/// > none are found (secure NODATA or NXDOMAIN), it MUST then look at the original MX hostname.
/// > If the CNAME chain is not secure end to end but its first hop is, only the original name
/// > is used. TLSA records are looked up only for hosts whose address records are secure.
///
/// Lookups whose status is bogus or indeterminate are reported on their own and do not count;
/// when every address lookup failed the host is unusable (RFC 7672 §2.1.2).
public enum TLSABaseDomainRule {
    public static func evaluate(host: DNSName, addresses: [Lookup], cname: Lookup?) -> TLSABaseDomainDecision {
        let answered = addresses.filter { !$0.status.isFailure }
        guard let withRecords = answered.first(where: { !$0.records.isEmpty }) else {
            let failed = addresses.filter(\.status.isFailure)
            if failed.isEmpty { return .skip(reason: "\(host.text) has no address records") }
            let failures = failed.map { "\($0.type) \($0.status.rawValue)" }.joined(separator: ", ")
            return .skip(reason: "address lookups of \(host.text) failed (\(failures))")
        }
        let expanded = withRecords.owner
        let isAlias = !withRecords.aliases.isEmpty
        if answered.allSatisfy(\.isSecure) {
            guard isAlias else { return .lookUp(candidates: [host], note: nil) }
            return .lookUp(candidates: [expanded, host],
                           note: "\(host.text) is a secure CNAME for \(expanded.text): TLSA looked up at the expanded name first")
        }
        guard isAlias else {
            return .skip(reason: "address records of \(host.text) are insecure")
        }
        guard let cname else { return .checkCNAME }
        if cname.isSecure, !cname.records.isEmpty {
            return .lookUp(candidates: [host],
                           note: "CNAME chain of \(host.text) is insecure after the first hop: TLSA looked up at the original name only")
        }
        return .skip(reason: "address records of \(host.text) are insecure (CNAME \(cname.status.rawValue))")
    }
}
