import CLDNS
import Foundation

/// Reads trust anchors from zone-file lines (DS or DNSKEY; `;` comments, `$` directives and
/// blank lines skipped), e.g. Debian's /usr/share/dns/root.key or the output of ldns-key2ds.
public enum TrustAnchorFile {
    /// Debian's dns-root-data package.
    public static let defaultPath = "/usr/share/dns/root.key"

    public static func load(_ path: String) throws(TrustAnchorError) -> [TrustAnchor] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadable(path: path) }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) throws(TrustAnchorError) -> [TrustAnchor] {
        var anchors: [TrustAnchor] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
                .map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty || line.hasPrefix("$") { continue }
            var rr: UnsafeMutablePointer<ldns_rr>?
            let status = ldns_rr_new_frm_str(&rr, line, 3600, nil, nil)
            guard LDNSStatus.isSuccess(status), let rr else {
                throw .malformed(path: source, line: index + 1, message: LDNSStatus.message(status))
            }
            defer { ldns_rr_free(rr) }
            let type = LDNSRRList.type(of: rr)
            guard type == RecordType.ds || type == RecordType.dnskey else {
                throw .notAnAnchor(path: source, line: index + 1)
            }
            anchors.append(TrustAnchor(zone: LDNSRRList.owner(of: rr), record: LDNSRRList.text(rr), source: source))
        }
        guard !anchors.isEmpty else { throw .empty(path: source) }
        return anchors
    }
}
