/// The client side of an SMTP STARTTLS probe as a pure state machine (RFC 5321, RFC 3207):
/// greeting, EHLO (HELO if EHLO is refused), STARTTLS when offered, the TLS handshake, EHLO again
/// over TLS, QUIT. It is given replies and TLS events and answers with the next action; the
/// transport does the I/O. No sockets here, so every path is testable.
public struct SMTPDialogue: Sendable {
    public enum Phase: String, Sendable {
        case greeting, ehlo, helo, starttls, handshake, ehloOverTLS = "EHLO over TLS", quit, done

        /// Words for "timeout waiting for …".
        public var waitingFor: String {
            switch self {
            case .greeting: "the greeting"
            case .ehlo: "the EHLO reply"
            case .helo: "the HELO reply"
            case .starttls: "the STARTTLS reply"
            case .handshake: "the TLS handshake"
            case .ehloOverTLS: "the EHLO reply over TLS"
            case .quit: "the QUIT reply"
            case .done: "nothing"
            }
        }
    }

    public enum Action: Sendable, Equatable {
        /// Send this command line (CRLF is added by the transport).
        case send(String)
        /// Start the TLS handshake on the connection.
        case startTLS
        /// The dialogue is over; close the connection.
        case finish
    }

    public let ehloName: String
    /// False when policy forbids TLS: STARTTLS is noted when offered but not sent.
    public let startTLS: Bool
    public private(set) var phase: Phase = .greeting
    public private(set) var transcript = SMTPTranscript()

    public init(ehloName: String, startTLS: Bool = true) {
        self.ehloName = ehloName
        self.startTLS = startTLS
    }

    public mutating func receive(_ reply: SMTPReply) -> Action {
        switch phase {
        case .greeting:
            transcript.greeting = reply
            guard reply.code == 220 else { return stop(.greetingRejected(reply)) }
            return next(.ehlo, .send("EHLO \(ehloName)"))
        case .ehlo:
            transcript.ehlo = reply
            if reply.isPositive { return afterHello(offersSTARTTLS: reply.ehloKeywords.contains("STARTTLS")) }
            if reply.code >= 500 { return next(.helo, .send("HELO \(ehloName)")) }
            return stop(.rejected(phase: .ehlo, reply))
        case .helo:
            transcript.helo = reply
            guard reply.isPositive else { return stop(.rejected(phase: .helo, reply)) }
            return afterHello(offersSTARTTLS: false)
        case .starttls:
            transcript.starttls = reply
            guard reply.code == 220 else { return stop(.starttlsRefused(reply)) }
            return next(.handshake, .startTLS)
        case .ehloOverTLS:
            transcript.ehloOverTLS = reply
            if !reply.isPositive { transcript.failure = .rejected(phase: .ehloOverTLS, reply) }
            return next(.quit, .send("QUIT"))
        case .quit:
            transcript.quit = reply
            return next(.done, .finish)
        case .handshake, .done:
            return .finish
        }
    }

    public mutating func tlsEstablished() -> Action {
        guard phase == .handshake else { return .finish }
        transcript.tlsEstablished = true
        return next(.ehloOverTLS, .send("EHLO \(ehloName)"))
    }

    /// The transport failed (timeout, reset, garbage, TLS error): the dialogue ends here.
    public mutating func failed(_ failure: ProbeFailure) -> Action {
        if phase != .quit { transcript.failure = .transport(phase: phase, failure) }
        phase = .done
        return .finish
    }

    private mutating func afterHello(offersSTARTTLS: Bool) -> Action {
        transcript.starttlsOffered = offersSTARTTLS
        return offersSTARTTLS && startTLS ? next(.starttls, .send("STARTTLS")) : next(.quit, .send("QUIT"))
    }

    /// Ends politely after a refusal: QUIT, except after a greeting that refused the session.
    private mutating func stop(_ failure: SMTPTranscript.Failure) -> Action {
        transcript.failure = failure
        if case .greetingRejected = failure { return next(.done, .finish) }
        return next(.quit, .send("QUIT"))
    }

    private mutating func next(_ phase: Phase, _ action: Action) -> Action {
        self.phase = phase
        return action
    }
}
