/// What an SMTP probe saw, reply by reply, and where it stopped if it stopped early.
public struct SMTPTranscript: Sendable, Hashable {
    public enum Failure: Sendable, Hashable, CustomStringConvertible {
        case greetingRejected(SMTPReply)
        case rejected(phase: SMTPDialogue.Phase, SMTPReply)
        case starttlsRefused(SMTPReply)
        case transport(phase: SMTPDialogue.Phase, ProbeFailure)

        public var description: String {
            switch self {
            case .greetingRejected(let reply): "server refused the session: \(reply)"
            case .rejected(let phase, let reply): "\(phase.rawValue) refused: \(reply)"
            case .starttlsRefused(let reply): "STARTTLS refused: \(reply)"
            case .transport(_, let failure): failure.description
            }
        }
    }

    public var greeting: SMTPReply?
    public var ehlo: SMTPReply?
    public var helo: SMTPReply?
    public var starttlsOffered = false
    public var starttls: SMTPReply?
    public var tlsEstablished = false
    public var ehloOverTLS: SMTPReply?
    public var quit: SMTPReply?
    public var failure: Failure?

    public init() {}
}
