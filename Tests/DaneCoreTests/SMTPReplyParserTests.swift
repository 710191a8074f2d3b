import Testing
@testable import DaneCore

@Suite struct SMTPReplyParserTests {
    @Test func multiLineRepliesAreFoldedIntoOne() throws {
        var parser = SMTPReplyParser()
        let replies = try parser.feed(Array("250-mx.example.test Hello\r\n250-PIPELINING\r\n250 STARTTLS\r\n".utf8))
        try #require(replies == [SMTPReply(code: 250, lines: ["mx.example.test Hello", "PIPELINING", "STARTTLS"])])
        #expect(replies[0].ehloKeywords == ["PIPELINING", "STARTTLS"])
    }

    @Test func bytesMayArriveOneAtATime() throws {
        var parser = SMTPReplyParser()
        var replies: [SMTPReply] = []
        for byte in "220 mx ESMTP\n221 bye\r\n".utf8 { replies += try parser.feed([byte]) }
        #expect(replies.map(\.code) == [220, 221])
        #expect(!parser.hasPartialReply)
    }

    @Test func aLongLineWithoutCRLFIsRejected() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPReplyFailure.lineTooLong(limit: 4096)) {
            try parser.feed([UInt8](repeating: UInt8(ascii: "x"), count: 5000))
        }
    }

    @Test func garbageIsRejectedAndShownEscaped() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPReplyFailure.malformed(line: "'\\x16\\x03\\x01hello'")) { try parser.feed([0x16, 0x03, 0x01] + Array("hello\r\n".utf8)) }
    }

    @Test func continuationWithAnotherCodeIsRejected() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPReplyFailure.inconsistentCode(expected: 250, line: "'251 b'")) { try parser.feed(Array("250-a\r\n251 b\r\n".utf8)) }
    }

    @Test func endlessContinuationIsRejected() {
        var parser = SMTPReplyParser()
        let flood = String(repeating: "250-x\r\n", count: 101)
        #expect(throws: SMTPReplyFailure.replyTooLong(limit: 100)) { try parser.feed(Array(flood.utf8)) }
    }
}
