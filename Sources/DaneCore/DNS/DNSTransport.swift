/// Sends one query and returns what happened. The real transport is `ResolverTransport`;
/// tests may replay recorded packets.
public protocol DNSTransport: Sendable {
    func exchange(_ query: DNSQuery) async -> DNSExchange
}
