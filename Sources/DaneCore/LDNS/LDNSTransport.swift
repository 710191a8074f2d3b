import Foundation

/// Sends queries with ldns to a list of resolvers, in order: the next one is tried when a resolver
/// times out, cannot be reached, sends garbage or answers REFUSED. Each try is bounded by `timeout`;
/// when no resolver answered, the list is tried again `retries` more times.
public struct LDNSTransport: DNSTransport {
    public let servers: [ResolverAddress]
    public let timeout: Double
    public let retries: Int
    public let trace: QueryTrace?
    private let health = ServerHealth()

    public init(servers: [ResolverAddress], timeout: Double, retries: Int = 0, trace: QueryTrace? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.retries = retries
        self.trace = trace
    }

    public init(configuration: ResolverConfiguration) {
        self.init(servers: configuration.servers, timeout: configuration.timeout,
                  retries: configuration.retries, trace: configuration.trace)
    }

    /// Asks these (resolvers that do not validate) only after the others.
    public func demote(_ servers: [ResolverAddress]) { health.demote(servers) }

    public func exchange(_ query: DNSQuery) async -> DNSExchange {
        let start = ContinuousClock.now
        var last = DNSExchange(query: query, server: nil, outcome: .failure(.noServers), milliseconds: 0)
        var refused = Set<ResolverAddress>()
        var tries = 0
        for _ in 0...max(0, retries) {
            for server in health.ordered(servers) where !refused.contains(server) {
                let attempt = await Self.send(query, to: server, timeout: timeout)
                tries += 1
                trace?(attempt)
                last = DNSExchange(query: query, server: server, outcome: attempt.outcome,
                                   milliseconds: start.millisecondsElapsed)
                switch attempt.outcome {
                case .response(let response):
                    health.record(server, answered: true)
                    guard response.rcode == .refused else { return last }
                    refused.insert(server)  // a refusal is an answer: asking again will not change it
                case .failure:
                    health.record(server, answered: false)
                }
            }
            if refused.count == Set(servers).count { break }
        }
        if case .failure(.timeout(let server, let seconds, _)) = last.outcome, tries > 1 {
            return DNSExchange(query: query, server: server, outcome: .failure(.timeout(server: server, seconds: seconds, tries: tries)),
                               milliseconds: last.milliseconds)
        }
        return last
    }

    private static func send(_ query: DNSQuery, to server: ResolverAddress, timeout: Double) async -> DNSExchange {
        await BlockingWork.run {
            let start = ContinuousClock.now
            let outcome: DNSExchange.Outcome
            do throws(LDNSError) {
                let resolver = try LDNSResolver(server: server, timeout: timeout)
                outcome = .response(try resolver.send(query).response)
            } catch {
                let elapsed = start.millisecondsElapsed / 1000
                if error.isNetworkError && elapsed >= timeout * 0.9 {
                    outcome = .failure(.timeout(server: server, seconds: timeout))
                } else if error.isNetworkError {
                    outcome = .failure(.network(server: server, message: error.description))
                } else {
                    outcome = .failure(.malformed(server: server, message: error.description))
                }
            }
            return DNSExchange(query: query, server: server, outcome: outcome, milliseconds: start.millisecondsElapsed)
        }
    }
}
