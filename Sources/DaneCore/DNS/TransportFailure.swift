/// Why a query got no response.
public enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `tries` counts every query sent for this question, all resolvers included.
    case timeout(server: ResolverAddress, seconds: Double, tries: Int = 1)
    /// A socket call failed (`NetworkFailure` says whether the cause is here or there).
    case network(server: ResolverAddress, failure: NetworkFailure)
    /// The TCP connection to the server could not be made.
    case connect(server: ResolverAddress, failure: NetworkFailure)
    /// The server closed the TCP connection before its reply ended (or began).
    case closed(server: ResolverAddress, midReply: Bool)
    case malformed(server: ResolverAddress, message: String)
    /// The UDP answer was truncated (TC=1) and asking again over TCP failed.
    case truncated(server: ResolverAddress, tcp: String)
    /// The question cannot be sent: its name is longer than DNS allows (nothing was sent).
    case nameTooLong(name: DNSName, octets: Int)
    case noServers
    /// The query could not be put on the wire (ldns refused to encode it; nothing was sent).
    case unencodable(server: ResolverAddress, message: String)
    /// The exchange's task was cancelled (the console's Ctrl-C, a scrape timeout) before it
    /// ended: it says nothing about the server.
    case cancelled(server: ResolverAddress)

    public var description: String {
        switch self {
        case .timeout(let server, let seconds, let tries):
            "timeout: no answer from \(server) within \(TimeFormat.seconds(seconds))\(tries > 1 ? " (\(tries) tries)" : "")"
        case .network(let server, let failure):
            "network error talking to \(server): \(failure)"
        case .connect(let server, let failure):
            "network error talking to \(server): connect failed: \(failure)"
        case .closed(let server, let midReply):
            "network error talking to \(server): \(Self.closedText(midReply: midReply))"
        case .unencodable(let server, let message):
            "no query sent to \(server): \(message)"
        case .cancelled(let server):
            "network error talking to \(server): cancelled"
        case .malformed(let server, let message):
            "malformed response from \(server): \(message)"
        case .truncated(let server, let tcp):
            "the answer from \(server) was truncated over UDP (TC=1) and TCP failed: \(tcp)"
        case .nameTooLong(let name, let octets):
            "no query sent: \(BoundedText.prefix(name.text, limit: 60)) is \(octets) octets long, more than the \(DNSName.maxWireLength) a DNS name may have"
        case .noServers:
            "no resolver configured"
        }
    }

    private static func closedText(midReply: Bool) -> String {
        midReply ? "the server closed the TCP connection in the middle of a reply"
            : "the server closed the TCP connection without a reply"
    }

    /// What went wrong, without the server's name (the TCP retry of a truncated answer).
    var detail: String {
        switch self {
        case .network(_, let failure): failure.description
        case .connect(_, let failure): "connect failed: \(failure)"
        case .closed(_, let midReply): Self.closedText(midReply: midReply)
        case .cancelled: "cancelled"
        default: description
        }
    }
}
