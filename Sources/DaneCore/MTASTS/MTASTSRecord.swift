import Foundation

/// The `_mta-sts` TXT record (RFC 8461 §3.1): "v=STSv1; id=20190429T010101;".
public struct MTASTSRecord: Sendable, Hashable {
    public let id: String

    /// The record among a TXT RRset's records (each given as its strings joined), or why there is
    /// none: records not starting with "v=STSv1" are discarded; more or fewer than one left, or
    /// one that is malformed, means no policy.
    public static func select(_ texts: [String]) -> Result<MTASTSRecord, MTASTSFailure> {
        switch VersionedTXT.single(texts, version: "v=STSv1") {
        case .failure(let problem): return .failure(.record(problem.text))
        case .success(let text): return parse(text)
        }
    }

    /// RFC 8461 §3.1: fields "key=value" separated by ";", v=STSv1 first, id of 1-32 letters and digits.
    public static func parse(_ text: String) -> Result<MTASTSRecord, MTASTSFailure> {
        let fields = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard fields.first == "v=STSv1" else { return .failure(.record("the record does not start with v=STSv1")) }
        if let bad = fields.first(where: { !$0.contains("=") }) { return .failure(.record("field \(BoundedText.quoted(bad)) is not key=value")) }
        guard let idField = fields.first(where: { $0.hasPrefix("id=") }) else { return .failure(.record("the record has no id")) }
        let id = String(idField.dropFirst(3))
        guard (1...32).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return .failure(.record("id \(BoundedText.quoted(id, limit: 40)) is not 1-32 letters and digits"))
        }
        return .success(MTASTSRecord(id: id))
    }
}
