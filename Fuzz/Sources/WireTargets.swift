@testable import DaneCore

/// What a resolver's socket gives: a datagram judged as the reply to a query, and a TCP stream
/// split into messages.
enum WireTargets {
    /// The bytes as a reply to one of two fixed queries (the first byte picks it): every field
    /// ReplyCheck reads is attacker-chosen.
    static func replyCheck(_ bytes: [UInt8]) {
        let query = DNSQuery(name: DNSName(dnsText: (bytes.first ?? 0) & 1 == 0 ? "example.test." : "_25._tcp.MX.Example.Test."),
                             type: (bytes.first ?? 0) & 2 == 0 ? .mx : .tlsa)
        guard let message = try? QueryMessage(query, id: 0x1234) else { return }
        if let mismatch = ReplyCheck.check(Array(bytes.dropFirst()), against: message) { _ = mismatch.description }
    }

    /// The bytes as a TCP stream, in the chunks the first byte decides: every message framed in
    /// it is checked as a reply.
    static func tcpFraming(_ bytes: [UInt8]) {
        guard let message = try? QueryMessage(DNSQuery(name: DNSName(dnsText: "example.test."), type: .mx), id: 0x1234) else { return }
        var framing = TCPFraming()
        for chunk in SMTPTargets.chunks(bytes) {
            for reply in framing.append(Array(chunk)) { _ = ReplyCheck.check(reply, against: message) }
        }
        _ = framing.pending
    }
}
