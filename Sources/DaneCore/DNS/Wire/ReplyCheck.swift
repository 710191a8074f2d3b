import Foundation

/// Whether a message received is the reply to the query that was sent (RFC 1035 §7.3, RFC 5452
/// §9.1): QR=1, opcode QUERY, the same ID, and one question equal to the one asked (the name
/// compared without regard to letter case, RFC 4343; the type and class exactly). The source
/// address and port are checked by the UDP exchange before this. Pure: bytes in, verdict out.
enum ReplyCheck {
    /// Why a message is not the reply. Each renders as a short phrase for `--debug dns`.
    enum Mismatch: Sendable, Hashable, CustomStringConvertible {
        case source(String)
        case tooShort(octets: Int)
        case notAResponse
        case opcode(UInt8)
        case id(expected: UInt16, got: UInt16)
        case question(String)

        var description: String {
            switch self {
            case .source(let sender): "from \(sender), not the server asked"
            case .tooShort(let octets): "\(octets) octets, shorter than a DNS header"
            case .notAResponse: "QR=0: a query, not a response"
            case .opcode(let code): "opcode \(code), not QUERY"
            case .id(let expected, let got): "ID \(got), not \(expected)"
            case .question(let what): "question \(what)"
            }
        }
    }

    static let headerLength = 12

    /// nil when `reply` answers `sent`.
    static func check(_ reply: [UInt8], against sent: QueryMessage) -> Mismatch? {
        guard reply.count >= headerLength else { return .tooShort(octets: reply.count) }
        guard reply[2] & 0x80 != 0 else { return .notAResponse }
        let opcode = (reply[2] >> 3) & 0x0f
        guard opcode == 0 else { return .opcode(opcode) }
        let id = UInt16(reply[0]) << 8 | UInt16(reply[1])
        guard id == sent.id else { return .id(expected: sent.id, got: id) }
        let questions = UInt16(reply[4]) << 8 | UInt16(reply[5])
        guard questions == 1 else { return .question("count \(questions), not 1") }
        guard let asked = question(in: sent.wire), let got = question(in: reply) else {
            return .question("section unreadable")
        }
        guard sameQuestion(asked, got) else { return .question("\(text(got)), not \(text(asked))") }
        return nil
    }

    /// The first question of a message: its name's labels, type and class; nil when it is cut
    /// short or uses compression (nothing precedes the first question to point at).
    static func question(in message: [UInt8]) -> (labels: [[UInt8]], type: UInt16, qclass: UInt16)? {
        var index = headerLength
        var labels: [[UInt8]] = []
        while true {
            guard index < message.count else { return nil }
            let length = Int(message[index])
            guard length & 0xc0 == 0 else { return nil }
            index += 1
            if length == 0 { break }
            guard index + length <= message.count else { return nil }
            labels.append(Array(message[index..<(index + length)]))
            index += length
        }
        guard index + 4 <= message.count else { return nil }
        let type = UInt16(message[index]) << 8 | UInt16(message[index + 1])
        let qclass = UInt16(message[index + 2]) << 8 | UInt16(message[index + 3])
        return (labels, type, qclass)
    }

    private static func sameQuestion(_ lhs: (labels: [[UInt8]], type: UInt16, qclass: UInt16),
                                     _ rhs: (labels: [[UInt8]], type: UInt16, qclass: UInt16)) -> Bool {
        lhs.type == rhs.type && lhs.qclass == rhs.qclass && lhs.labels.count == rhs.labels.count
            && zip(lhs.labels, rhs.labels).allSatisfy { $0.map(folded) == $1.map(folded) }
    }

    /// ASCII letters to lower case (RFC 4343 §3); every other octet as it is.
    private static func folded(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// "other.example. A IN", printable whatever the octets.
    private static func text(_ question: (labels: [[UInt8]], type: UInt16, qclass: UInt16)) -> String {
        let name = question.labels.isEmpty ? "." : question.labels.map { label in
            label.map { byte -> String in
                (0x21...0x7e).contains(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "\\")
                    ? String(UnicodeScalar(byte)) : "\\" + String(format: "%03d", byte)
            }.joined()
        }.joined(separator: ".") + "."
        let type = RecordType(rawValue: question.type).description
        let qclass = question.qclass == 1 ? "IN" : question.qclass == 3 ? "CH" : "CLASS\(question.qclass)"
        return "\(String(name.prefix(80)))\(name.count > 80 ? "…" : "") \(type) \(qclass)"
    }
}
