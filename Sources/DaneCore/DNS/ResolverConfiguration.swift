/// Where queries go and how long each may take.
public struct ResolverConfiguration: Sendable {
    public static let defaultTimeout = 5.0

    /// Tried in order when one fails to answer.
    public let servers: [ResolverAddress]
    /// Seconds allowed for each query to each server.
    public let timeout: Double
    public let trace: QueryTrace?

    public init(servers: [ResolverAddress], timeout: Double = defaultTimeout, trace: QueryTrace? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.trace = trace
    }
}
