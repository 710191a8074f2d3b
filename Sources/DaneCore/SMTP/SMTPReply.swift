/// One SMTP reply: a three-digit code and its text lines (RFC 5321 §4.2), multi-line replies folded.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    public let code: Int
    /// The text of each line, without the code and separator.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx.
    public var isPositive: Bool { (200..<300).contains(code) }

    /// "250 mx.example.test Hello" with continuation lines joined by " / ", each line's control
    /// characters escaped and cut to a short prefix (the text is the server's).
    public var description: String {
        let shown = lines.prefix(8).map { TerminalText.escape(BoundedText.prefix($0, limit: 200)) }
        return "\(code) \(shown.joined(separator: " / "))\(lines.count > 8 ? " / … (\(lines.count) lines)" : "")"
    }

    /// EHLO keywords (the first word of every line after the first), upper-cased.
    public var ehloKeywords: Set<String> {
        Set(lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
    }
}
