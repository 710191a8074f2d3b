/// Why a query got no response.
public enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `tries` counts every query sent for this question, all resolvers included.
    case timeout(server: ResolverAddress, seconds: Double, tries: Int = 1)
    case network(server: ResolverAddress, message: String)
    case malformed(server: ResolverAddress, message: String)
    case noServers

    public var description: String {
        switch self {
        case .timeout(let server, let seconds, let tries):
            "timeout: no answer from \(server) within \(TimeFormat.seconds(seconds))\(tries > 1 ? " (\(tries) tries)" : "")"
        case .network(let server, let message):
            "network error talking to \(server): \(message)"
        case .malformed(let server, let message):
            "malformed response from \(server): \(message)"
        case .noServers:
            "no resolver configured"
        }
    }
}
