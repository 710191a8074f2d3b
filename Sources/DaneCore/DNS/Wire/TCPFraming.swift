/// DNS messages over TCP (RFC 1035 §4.2.2, RFC 7766 §8): each after two octets of length, in
/// network order. A pure splitter: octets in as a socket gives them, whole messages out, the rest
/// kept for the next read. Remote input: any octets, in any chunks.
struct TCPFraming: Sendable {
    private var stream: [UInt8] = []

    /// Octets received and not yet part of a whole message.
    var pending: Int { stream.count }

    /// A message with its length in front (a query: at most 65,535 octets, as every query is).
    static func frame(_ message: [UInt8]) -> [UInt8] {
        let length = UInt16(clamping: message.count)
        return [UInt8(length >> 8), UInt8(length & 0xff)] + message.prefix(Int(length))
    }

    /// Adds what was read; returns every message now whole, in order.
    mutating func append(_ bytes: [UInt8]) -> [[UInt8]] {
        stream += bytes
        var messages: [[UInt8]] = []
        var start = 0
        while stream.count - start >= 2 {
            let size = Int(stream[start]) << 8 | Int(stream[start + 1])
            guard stream.count - start - 2 >= size else { break }
            messages.append(Array(stream[(start + 2)..<(start + 2 + size)]))
            start += 2 + size
        }
        stream.removeFirst(start)
        return messages
    }
}
