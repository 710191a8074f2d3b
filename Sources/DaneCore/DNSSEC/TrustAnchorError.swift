/// Why trust anchors could not be read.
public enum TrustAnchorError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(path: String, line: Int, message: String)
    case notAnAnchor(path: String, line: Int)
    case empty(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            "cannot read trust anchor file \(path)"
        case .malformed(let path, let line, let message):
            "\(path):\(line): not a DS or DNSKEY record (\(message))"
        case .notAnAnchor(let path, let line):
            "\(path):\(line): a trust anchor must be a DS or DNSKEY record"
        case .empty(let path):
            "\(path) holds no DS or DNSKEY record"
        }
    }
}
