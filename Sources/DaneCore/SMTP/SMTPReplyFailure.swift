/// Why bytes from a server are not SMTP replies. Each renders as one line.
public enum SMTPReplyFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case lineTooLong(limit: Int)
    case replyTooLong(limit: Int)
    /// `line` is already quoted and escaped (`printable`).
    case malformed(line: String)
    case inconsistentCode(expected: Int, line: String)

    public var description: String {
        switch self {
        case .lineTooLong(let limit): "reply line longer than \(limit) octets without CRLF"
        case .replyTooLong(let limit): "reply longer than \(limit) lines"
        case .malformed(let line): "not an SMTP reply: \(line)"
        case .inconsistentCode(let expected, let line): "continuation line does not carry code \(expected): \(line)"
        }
    }

    /// At most 60 octets, quoted, with control and non-ASCII octets as \\xNN, so the error stays
    /// one line and shows what was really sent.
    static func printable(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes.prefix(60) {
            if byte >= 0x20 && byte < 0x7f && byte != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return "'" + out + (bytes.count > 60 ? "…'" : "'")
    }
}
