/// Assembles SMTP replies from bytes as they arrive (RFC 5321 §4.2.1): "250-" continues a reply,
/// "250 " ends it. Lines end in CRLF (a bare LF is accepted). Pure: no I/O.
public struct SMTPReplyParser: Sendable {
    /// RFC 5321 §4.5.3.1.5 allows 512 octets per reply line; real servers stay far below this.
    public static let maxLineLength = 4096
    public static let maxLines = 100

    private var buffer: [UInt8] = []
    private var lines: [String] = []
    private var code: Int?

    public init() {}

    /// True while bytes of an unfinished reply are held.
    public var hasPartialReply: Bool { !buffer.isEmpty || !lines.isEmpty }

    /// Feeds bytes; returns every reply they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(SMTPReplyFailure) -> [SMTPReply] {
        var replies: [SMTPReply] = []
        for byte in bytes {
            if byte != UInt8(ascii: "\n") {
                buffer.append(byte)
                if buffer.count > Self.maxLineLength { throw .lineTooLong(limit: Self.maxLineLength) }
                continue
            }
            if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
            let line = buffer
            buffer.removeAll(keepingCapacity: true)
            if let reply = try take(line) { replies.append(reply) }
        }
        return replies
    }

    private mutating func take(_ bytes: [UInt8]) throws(SMTPReplyFailure) -> SMTPReply? {
        let line = SMTPReplyFailure.printable(bytes)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
              let value = Int(String(decoding: bytes[0...2], as: UTF8.self)), (200...599).contains(value)
        else { throw .malformed(line: line) }
        if let code, code != value { throw .inconsistentCode(expected: code, line: line) }
        code = value
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if lines.count > Self.maxLines { throw .replyTooLong(limit: Self.maxLines) }
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        defer {
            lines = []
            self.code = nil
        }
        return SMTPReply(code: value, lines: lines)
    }
}
