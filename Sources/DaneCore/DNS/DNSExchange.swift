/// What happened when one query was sent: the response, or why there was none.
public struct DNSExchange: Sendable {
    public enum Outcome: Sendable {
        case response(DNSResponse)
        case failure(TransportFailure)
    }

    public let query: DNSQuery
    /// The resolver that answered (or the last one tried).
    public let server: ResolverAddress?
    public let outcome: Outcome
    /// Wall time from the first send to the outcome, all servers tried included.
    public let milliseconds: Double

    public init(query: DNSQuery, server: ResolverAddress?, outcome: Outcome, milliseconds: Double) {
        self.query = query
        self.server = server
        self.outcome = outcome
        self.milliseconds = milliseconds
    }
}
