/// Turns the octets of one input into reports: a report's JSON, gzip JSON
/// (`application/tlsrpt+gzip`), or an e-mail message holding either as MIME parts (RFC 8460
/// §5.3). Each report, or each problem with the part it is in, is one item; a bad part does
/// not hide the good ones beside it.
public enum TLSReportDecoder {
    /// Octets a gzip report may inflate to (`TLSReportParser.maxJSONBytes`).
    public static let maxInflated = TLSReportParser.maxJSONBytes

    /// The reports in `data`, named `origin` in problems ("reports/a.json.gz", "mail/new/1").
    public static func decode(_ data: [UInt8], origin: String) -> [TLSReportItem] {
        if Gunzip.isGzip(data) || startsLikeJSON(data) { return [report(data, origin: origin)] }
        let parts: [MIMEPart]
        do {
            parts = try MIMEMessage.leaves(data)
        } catch {
            return [.problem(TLSReportProblem(origin: origin, message: "not a report nor a mail message holding one: \(error)"))]
        }
        let candidates = parts.filter(isReport)
        guard !candidates.isEmpty else {
            let types = parts.map(\.contentType.type).joined(separator: ", ")
            return [.problem(TLSReportProblem(origin: origin, message: "no TLSRPT report in the message (its parts: \(BoundedText.prefix(types)))"))]
        }
        return candidates.map { part in
            let name = part.fileName.map { " (\(BoundedText.quoted($0, limit: 60)))" } ?? ""
            return report(part.body, origin: "\(origin): \(part.label)\(name)")
        }
    }

    /// One report's octets: gzip or JSON.
    public static func report(_ data: [UInt8], origin: String) -> TLSReportItem {
        var json = data
        if Gunzip.isGzip(data) {
            do {
                json = try Gunzip.inflate(data, limit: maxInflated)
            } catch {
                return .problem(TLSReportProblem(origin: origin, message: error.description))
            }
        }
        do {
            return .report(try TLSReportParser.parse(json), json: json, origin: origin)
        } catch {
            return .problem(TLSReportProblem(origin: origin, message: "not an RFC 8460 report: \(error)"))
        }
    }

    /// A part that is (or claims to be) a report: `application/tlsrpt+gzip` or `+json`, gzip or
    /// JSON by type, or an attachment named *.json / *.json.gz / *.gz, or gzip by its content.
    static func isReport(_ part: MIMEPart) -> Bool {
        switch part.contentType.type {
        case "application/tlsrpt+gzip", "application/tlsrpt+json", "application/gzip", "application/x-gzip", "application/json":
            return true
        default:
            let name = part.fileName?.lowercased() ?? ""
            return name.hasSuffix(".json") || name.hasSuffix(".gz") || Gunzip.isGzip(part.body)
        }
    }

    static func startsLikeJSON(_ data: [UInt8]) -> Bool {
        for byte in data.prefix(4096) {
            switch byte {
            case 0x20, 0x09, 0x0a, 0x0d: continue
            case 0xef, 0xbb, 0xbf: continue  // a UTF-8 byte order mark
            default: return byte == UInt8(ascii: "{")
            }
        }
        return false
    }
}
