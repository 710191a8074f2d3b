import Foundation

/// The `_smtp._tls` TXT record of SMTP TLS Reporting (RFC 8460 §3):
/// "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/v1".
///
/// RFC 8460 §3: "tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]",
/// "tlsrpt-version = %s"v=TLSRPTv1"", "tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)";
/// §3.1: "this document defines two URI schemes, 'mailto:' and 'https:'" for the rua.
/// "If multiple TXT records for _smtp._tls are returned by the resolver, records that do not
/// begin with "v=TLSRPTv1;" are discarded. If the number of resulting records is not one, senders
/// MUST assume the recipient domain does not implement TLSRPT."
public struct TLSRPTRecord: Sendable, Hashable {
    /// Where aggregate reports go, in the record's order.
    public let rua: [String]

    /// The record among a TXT RRset's records (each given as its strings joined), or why there
    /// is none that a sender would use.
    public static func select(_ texts: [String]) -> Result<TLSRPTRecord, TLSRPTFailure> {
        switch VersionedTXT.single(texts, version: "v=TLSRPTv1") {
        case .failure(let problem): return .failure(.record(problem.text))
        case .success(let text): return parse(text)
        }
    }

    /// One record's fields: the version first, a rua with at least one mailto: or https: URI.
    public static func parse(_ text: String) -> Result<TLSRPTRecord, TLSRPTFailure> {
        let fields = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard fields.first == "v=TLSRPTv1" else { return .failure(.record("the record does not start with v=TLSRPTv1")) }
        if let bad = fields.first(where: { !$0.contains("=") }) {
            return .failure(.record("field \(BoundedText.quoted(bad)) is not key=value"))
        }
        let ruaFields = fields.filter { $0.hasPrefix("rua=") }
        guard let ruaField = ruaFields.first else { return .failure(.record("no rua= field, so reports have nowhere to go")) }
        if ruaFields.count > 1 { return .failure(.record("\(ruaFields.count) rua= fields (one is allowed)")) }
        let uris = ruaField.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for uri in uris {
            if let problem = Self.problem(uri) { return .failure(.record(problem)) }
        }
        return .success(TLSRPTRecord(rua: uris))
    }

    /// Why a rua URI is not one a sender can report to; nil when it is.
    static func problem(_ uri: String) -> String? {
        let lower = uri.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = uri.dropFirst(7).split(separator: "?").first.map(String.init) ?? ""
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                return "rua \(BoundedText.quoted(uri, limit: 60)) is not a mail address"
            }
            return nil
        }
        if lower.hasPrefix("https://") {
            guard let url = URL(string: uri), let host = url.host, !host.isEmpty else {
                return "rua \(BoundedText.quoted(uri, limit: 60)) is not an https URL"
            }
            return nil
        }
        if uri.isEmpty { return "an empty rua URI" }
        return "rua \(BoundedText.quoted(uri, limit: 60)) is neither mailto: nor https:"
    }
}
