/// Why a query got no response.
public enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `tries` counts every query sent for this question, all resolvers included.
    case timeout(server: ResolverAddress, seconds: Double, tries: Int = 1)
    case network(server: ResolverAddress, message: String)
    case malformed(server: ResolverAddress, message: String)
    /// The UDP answer was truncated (TC=1) and asking again over TCP failed.
    case truncated(server: ResolverAddress, tcp: String)
    /// The question cannot be sent: its name is longer than DNS allows (nothing was sent).
    case nameTooLong(name: DNSName, octets: Int)
    case noServers

    /// The exchange's task was cancelled (the console's Ctrl-C, a scrape timeout) before it ended.
    static func cancelled(server: ResolverAddress) -> TransportFailure { .network(server: server, message: "cancelled") }

    public var description: String {
        switch self {
        case .timeout(let server, let seconds, let tries):
            "timeout: no answer from \(server) within \(TimeFormat.seconds(seconds))\(tries > 1 ? " (\(tries) tries)" : "")"
        case .network(let server, let message):
            "network error talking to \(server): \(message)"
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
}
