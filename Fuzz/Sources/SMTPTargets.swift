@testable import DaneCore

/// SMTP replies as a server sends them, in the chunks a socket read gives.
enum SMTPTargets {
    /// The first byte decides the chunk size, so reply lines split anywhere are tried.
    static func chunks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let first = bytes.first else { return [] }
        let size = Int(first % 64) + 1
        let rest = bytes.dropFirst()
        return stride(from: rest.startIndex, to: rest.endIndex, by: size).map { rest[$0..<min($0 + size, rest.endIndex)] }
    }

    static func reply(_ bytes: [UInt8]) {
        var parser = SMTPReplyParser()
        for chunk in chunks(bytes) {
            do throws(SMTPReplyFailure) {
                for reply in try parser.feed(chunk) { _ = reply.description }
            } catch {
                _ = error.description
                return
            }
        }
    }

    /// The dialogue driven by whatever replies the bytes hold, TLS "established" whenever asked.
    static func dialogue(_ bytes: [UInt8]) {
        var parser = SMTPReplyParser()
        var dialogue = SMTPDialogue(ehloName: "probe.fuzz.test", startTLS: bytes.first.map { $0 & 1 == 0 } ?? true)
        for chunk in chunks(bytes) {
            guard let replies = try? parser.feed(chunk) else { _ = dialogue.failed(.io(.broken(errno: 71))); break }
            for reply in replies {
                if dialogue.receive(reply) == .startTLS { _ = dialogue.tlsEstablished() }
                if dialogue.phase == .done { return }
            }
        }
        _ = dialogue.transcript.failure?.description
    }
}
