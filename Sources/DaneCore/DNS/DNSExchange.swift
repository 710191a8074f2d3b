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
    /// Messages that arrived while waiting but did not answer the query (another source, ID or
    /// question), each dropped: why, in a few words.
    public let ignored: [String]

    public init(query: DNSQuery, server: ResolverAddress?, outcome: Outcome, milliseconds: Double, ignored: [String] = []) {
        self.query = query
        self.server = server
        self.outcome = outcome
        self.milliseconds = milliseconds
        self.ignored = ignored
    }
}
