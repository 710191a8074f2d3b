import Foundation

/// Sends queries with ldns to a list of resolvers, in order: the next one is tried when a resolver
/// times out, cannot be reached, sends garbage or answers REFUSED. Each try is bounded by `timeout`.
public struct LDNSTransport: DNSTransport {
    public let servers: [ResolverAddress]
    public let timeout: Double
    public let trace: QueryTrace?
    private let health = ServerHealth()

    public init(servers: [ResolverAddress], timeout: Double, trace: QueryTrace? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.trace = trace
    }

    public func exchange(_ query: DNSQuery) async -> DNSExchange {
        let start = ContinuousClock.now
        var last = DNSExchange(query: query, server: nil, outcome: .failure(.noServers), milliseconds: 0)
        for server in health.ordered(servers) {
            let attempt = await Self.send(query, to: server, timeout: timeout)
            trace?(attempt)
            if case .response = attempt.outcome {
                health.record(server, answered: true)
            } else {
                health.record(server, answered: false)
            }
            last = DNSExchange(query: query, server: server, outcome: attempt.outcome,
                               milliseconds: Self.milliseconds(since: start))
            if case .response(let response) = attempt.outcome, response.rcode != .refused {
                return last
            }
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
                let elapsed = milliseconds(since: start) / 1000
                if error.isNetworkError && elapsed >= timeout * 0.9 {
                    outcome = .failure(.timeout(server: server, seconds: timeout))
                } else if error.isNetworkError {
                    outcome = .failure(.network(server: server, message: error.description))
                } else {
                    outcome = .failure(.malformed(server: server, message: error.description))
                }
            }
            return DNSExchange(query: query, server: server, outcome: outcome, milliseconds: milliseconds(since: start))
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
