import Testing
@testable import DaneCore

/// The SMTP state machine driven with replies only: no sockets.
@Suite struct SMTPDialogueTests {
    func reply(_ code: Int, _ lines: String...) -> SMTPReply { SMTPReply(code: code, lines: lines) }

    @Test func fullSTARTTLSDialogue() {
        var dialogue = SMTPDialogue(ehloName: "client.test")
        #expect(dialogue.receive(reply(220, "mx ESMTP")) == .send("EHLO client.test"))
        #expect(dialogue.receive(reply(250, "mx", "PIPELINING", "STARTTLS")) == .send("STARTTLS"))
        #expect(dialogue.receive(reply(220, "go ahead")) == .startTLS)
        #expect(dialogue.phase == .handshake)
        #expect(dialogue.tlsEstablished() == .send("EHLO client.test"))
        #expect(dialogue.receive(reply(250, "mx", "PIPELINING")) == .send("QUIT"))
        #expect(dialogue.receive(reply(221, "bye")) == .finish)
        #expect(dialogue.phase == .done)
        #expect(dialogue.transcript.starttlsOffered && dialogue.transcript.tlsEstablished)
        #expect(dialogue.transcript.failure == nil)
    }

    @Test func noSTARTTLSOfferedEndsWithQuit() {
        var dialogue = SMTPDialogue(ehloName: "c")
        _ = dialogue.receive(reply(220, "mx"))
        #expect(dialogue.receive(reply(250, "mx", "8BITMIME")) == .send("QUIT"))
        #expect(dialogue.receive(reply(221, "bye")) == .finish)
        #expect(!dialogue.transcript.starttlsOffered)
        #expect(dialogue.transcript.failure == nil)
    }

    @Test func ehloRefusedFallsBackToHelo() {
        var dialogue = SMTPDialogue(ehloName: "c")
        _ = dialogue.receive(reply(220, "mx"))
        #expect(dialogue.receive(reply(502, "no EHLO")) == .send("HELO c"))
        #expect(dialogue.receive(reply(250, "mx")) == .send("QUIT"))
        #expect(!dialogue.transcript.starttlsOffered)
    }

    @Test func greeting421EndsAtOnce() {
        var dialogue = SMTPDialogue(ehloName: "c")
        #expect(dialogue.receive(reply(421, "busy")) == .finish)
        #expect(dialogue.transcript.failure == .greetingRejected(reply(421, "busy")))
    }

    @Test(arguments: [454, 501])
    func starttlsRefusalIsRecorded(code: Int) {
        var dialogue = SMTPDialogue(ehloName: "c")
        _ = dialogue.receive(reply(220, "mx"))
        _ = dialogue.receive(reply(250, "mx", "STARTTLS"))
        #expect(dialogue.receive(reply(code, "no")) == .send("QUIT"))
        #expect(dialogue.transcript.failure == .starttlsRefused(reply(code, "no")))
    }

    @Test func transportFailureIsKeptWithItsPhase() {
        var dialogue = SMTPDialogue(ehloName: "c")
        _ = dialogue.receive(reply(220, "mx"))
        _ = dialogue.receive(reply(250, "mx", "STARTTLS"))
        _ = dialogue.receive(reply(220, "go"))
        #expect(dialogue.failed(.tls("alert")) == .finish)
        #expect(dialogue.transcript.failure == .transport(phase: .handshake, .tls("alert")))
    }

    @Test func failureWhileQuittingIsNotAFailure() {
        var dialogue = SMTPDialogue(ehloName: "c")
        _ = dialogue.receive(reply(220, "mx"))
        _ = dialogue.receive(reply(250, "mx"))
        #expect(dialogue.phase == .quit)
        _ = dialogue.failed(.closed(phase: "the QUIT reply"))
        #expect(dialogue.transcript.failure == nil)
    }
}
