/// Looks up a domain's TLSRPT record (RFC 8460 §3): `_smtp._tls.DOMAIN` TXT, CNAMEs followed;
/// when it has none, the drafts' `_smtp-tlsrpt.DOMAIN` too, to say so. Both are asked at once:
/// asking the drafts' name only after `_smtp._tls` said "none" put a second round trip on every
/// domain without TLSRPT, the longest path of a batch domain whose hosts are already probed.
public enum TLSRPTLookup {
    public static func look(_ domain: DNSName, lookups: DNSLookupService) async -> TLSRPTReport {
        async let obsolete = lookups.lookup(domain.prepending("_smtp-tlsrpt"), .txt)
        let txt = await lookups.lookup(domain.prepending("_smtp._tls"), .txt)
        switch txt.answer {
        case .noData, .nxDomain:
            return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: nil, obsolete: await obsolete)
        case .failed(let reason):
            return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: .lookup("TXT \(txt.status.rawValue) (\(reason))"))
        case .records(let records):
            let texts = records.compactMap(\.txtText)
            switch TLSRPTRecord.select(texts) {
            case .failure(let failure): return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: failure)
            case .success(let record): return TLSRPTReport(domain: domain, txt: txt, record: record, failure: nil)
            }
        }
    }
}
