import Foundation

/// Sends queries to a list of resolvers, in order: the next one is tried when a resolver times
/// out, cannot be reached, sends garbage or answers REFUSED. Each try is bounded by `timeout`;
/// when no resolver answered, the list is tried again `retries` more times.
///
/// Each try is one message of its own (`QueryMessage`: a fresh random ID, a fresh socket and
/// source port) over UDP, and over TCP when the UDP answer is truncated; only a reply from the
/// server asked, with the query's ID and question, is taken (`UDPExchange`, `TCPExchange`,
/// `ReplyCheck`). ldns builds and parses the messages; the sockets are danecheck's own.
public struct ResolverTransport: DNSTransport {
    public let servers: [ResolverAddress]
    public let timeout: Double
    public let retries: Int
    public let trace: QueryTrace?
    public let pending: PendingQueries?
    private let health = ServerHealth()

    public init(servers: [ResolverAddress], timeout: Double, retries: Int = 0, trace: QueryTrace? = nil,
                pending: PendingQueries? = nil) {
        self.servers = servers
        self.timeout = timeout
        self.retries = retries
        self.trace = trace
        self.pending = pending
    }

    public init(configuration: ResolverConfiguration) {
        self.init(servers: configuration.servers, timeout: configuration.timeout,
                  retries: configuration.retries, trace: configuration.trace, pending: configuration.pending)
    }

    /// Asks these (resolvers that do not validate) only after the others.
    public func demote(_ servers: [ResolverAddress]) { health.demote(servers) }

    public func exchange(_ query: DNSQuery) async -> DNSExchange {
        let start = ContinuousClock.now
        if query.name.wireLength > DNSName.maxWireLength {
            let exchange = DNSExchange(query: query, server: nil,
                                       outcome: .failure(.nameTooLong(name: query.name, octets: query.name.wireLength)),
                                       milliseconds: 0)
            trace?(exchange)
            return exchange
        }
        var last = DNSExchange(query: query, server: nil, outcome: .failure(.noServers), milliseconds: 0)
        var refused = Set<ResolverAddress>()
        var tries = 0
        for _ in 0...max(0, retries) {
            for server in health.ordered(servers) where !refused.contains(server) {
                let ticket = pending?.begin(query, server: server)
                let attempt = await Self.send(query, to: server, timeout: timeout)
                if let ticket { pending?.end(ticket) }
                // Cancelled (the console's Ctrl-C, a scrape timeout): not the server's failure,
                // and no other server or retry is asked.
                if Task.isCancelled { return attempt }
                tries += 1
                trace?(attempt)
                last = DNSExchange(query: query, server: server, outcome: attempt.outcome,
                                   milliseconds: start.millisecondsElapsed, ignored: attempt.ignored)
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
                               milliseconds: last.milliseconds, ignored: last.ignored)
        }
        return last
    }

    /// One try at one server: UDP, then TCP if the UDP answer was truncated (RFC 7766 §5). The
    /// UDP wait holds no thread; the TCP exchange, rare, runs on `BlockingWork`.
    static func send(_ query: DNSQuery, to server: ResolverAddress, timeout: Double) async -> DNSExchange {
        let start = ContinuousClock.now
        func done(_ outcome: DNSExchange.Outcome, _ ignored: [ReplyCheck.Mismatch]) -> DNSExchange {
            DNSExchange(query: query, server: server, outcome: outcome, milliseconds: start.millisecondsElapsed,
                        ignored: ignored.map(\.description))
        }
        let message: QueryMessage
        do throws(QueryMessage.Failure) { message = try QueryMessage(query) } catch {
            return done(.failure(failure(error, query: query, server: server)), [])
        }
        let udp = await UDPExchange.send(message, to: server, timeout: timeout)
        let datagram: [UInt8]
        switch udp.outcome {
        case .failure(let failure): return done(.failure(failure), udp.ignored)
        case .reply(let bytes): datagram = bytes
        }
        let response: DNSResponse
        do throws(LDNSError) { response = try LDNSPacket(wire: datagram).response } catch {
            return done(.failure(.malformed(server: server, message: LDNSStatus.messageProblem(error.status))), udp.ignored)
        }
        guard response.truncated else { return done(.response(response), udp.ignored) }
        let again: QueryMessage
        do throws(QueryMessage.Failure) { again = try QueryMessage(query) } catch {
            return done(.failure(failure(error, query: query, server: server)), udp.ignored)
        }
        let tcp = await BlockingWork.run(cancelled: WireExchange(outcome: .failure(.cancelled(server: server)), ignored: [])) {
            TCPExchange.send(again, to: server, deadline: Deadline(seconds: timeout))
        }
        switch tcp.outcome {
        case .failure(let failure):
            return done(.failure(.truncated(server: server, tcp: failure.detail)), udp.ignored + tcp.ignored)
        case .reply(let bytes):
            do throws(LDNSError) { return done(.response(try LDNSPacket(wire: bytes).response), udp.ignored + tcp.ignored) } catch {
                return done(.failure(.malformed(server: server, message: LDNSStatus.messageProblem(error.status))),
                            udp.ignored + tcp.ignored)
            }
        }
    }

    private static func failure(_ error: QueryMessage.Failure, query: DNSQuery, server: ResolverAddress) -> TransportFailure {
        switch error {
        case .nameTooLong(let octets): .nameTooLong(name: query.name, octets: octets)
        case .encoding(let text): .unencodable(server: server, message: text)
        }
    }
}
