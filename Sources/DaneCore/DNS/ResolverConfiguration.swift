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
    /// Who decides +dnssec: the resolver's AD bit or local validation.
    public let validation: ValidationMode
    /// Anchors for local validation (and for naming the cause of a SERVFAIL in resolver mode).
    public let trustAnchors: [TrustAnchor]

    public init(servers: [ResolverAddress], timeout: Double = defaultTimeout, retries: Int = defaultRetries,
                trace: QueryTrace? = nil, validation: ValidationMode = .resolver, trustAnchors: [TrustAnchor] = []) {
        self.servers = servers
        self.timeout = timeout
        self.retries = retries
        self.trace = trace
        self.validation = trustAnchors.isEmpty ? .resolver : validation
        self.trustAnchors = trustAnchors
    }

    /// A validator over `transport` when there are anchors.
    public func validator(over transport: any DNSTransport) -> LocalValidator? {
        trustAnchors.isEmpty ? nil : LocalValidator(transport: transport, anchors: trustAnchors)
    }
}
