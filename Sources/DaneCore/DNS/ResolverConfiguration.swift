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
    /// Where each query is entered while it waits for an answer (the console's "waiting for").
    public let pending: PendingQueries?
    /// Who decides +dnssec: the resolver's AD bit or local validation (which needs anchors).
    public let validation: ValidationMode
    /// Anchors for local validation (and for naming the cause of a SERVFAIL in resolver mode).
    public let trustAnchors: [TrustAnchor]

    public init(servers: [ResolverAddress], timeout: Double = defaultTimeout, retries: Int = defaultRetries,
                trace: QueryTrace? = nil, validation: ValidationMode = .resolver, trustAnchors: [TrustAnchor] = [],
                pending: PendingQueries? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.retries = retries
        self.trace = trace
        self.pending = pending
        self.validation = validation
        self.trustAnchors = trustAnchors
    }

    /// The validation over `transport`: local with a validator from the anchors; the resolver's
    /// AD bit, explained by a validator when there are anchors; the resolver's when local was
    /// asked for without anchors (the command line refuses that before it gets here).
    public func validation(over transport: any DNSTransport) -> Validation {
        guard !trustAnchors.isEmpty else { return .resolver(explainer: nil) }
        let validator = LocalValidator(transport: transport, anchors: trustAnchors)
        return validation == .local ? .local(validator) : .resolver(explainer: validator)
    }
}
