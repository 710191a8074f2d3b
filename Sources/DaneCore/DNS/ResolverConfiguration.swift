/// Where queries go and how long each may take.
public struct ResolverConfiguration: Sendable {
    public static let defaultTimeout = 5.0
    public static let defaultRetries = 1

    /// Tried in order when one fails to answer.
    public let servers: [ResolverAddress]
    /// Seconds allowed for each query to each server.
    public let timeout: Double
    /// How many more times the server list is tried when no server answered.
    public let retries: Int
    public let trace: QueryTrace?

    public init(servers: [ResolverAddress], timeout: Double = defaultTimeout, retries: Int = defaultRetries,
                trace: QueryTrace? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.retries = retries
        self.trace = trace
    }
}
