/// Looks up a domain's TLSRPT record (RFC 8460 §3): `_smtp._tls.DOMAIN` TXT, CNAMEs followed;
/// when it has none, the drafts' `_smtp-tlsrpt.DOMAIN` too, to say so.
public enum TLSRPTLookup {
    public static func look(_ domain: DNSName, lookups: DNSLookupService) async -> TLSRPTReport {
        let txt = await lookups.lookup(domain.prepending("_smtp._tls"), .txt)
        switch txt.answer {
        case .noData, .nxDomain:
            let obsolete = await lookups.lookup(domain.prepending("_smtp-tlsrpt"), .txt)
            return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: nil, obsolete: obsolete)
        case .failed(let reason):
            return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: .lookup("TXT \(txt.status.rawValue) (\(reason))"))
        case .records(let records):
            let texts = records.compactMap { data -> String? in
                if case .other(let presentation) = data { return MTASTSRecord.text(ofPresentation: presentation) }
                return nil
            }
            switch TLSRPTRecord.select(texts) {
            case .failure(let failure): return TLSRPTReport(domain: domain, txt: txt, record: nil, failure: failure)
            case .success(let record): return TLSRPTReport(domain: domain, txt: txt, record: record, failure: nil)
            }
        }
    }
}
