/// Looks up RRsets and gives each its DNSSEC status (RFC 7672 §2.1.1), through a validating
/// resolver's AD bit. A SERVFAIL is asked again with CD=1: data (or a denial) then means the
/// validator rejected it (bogus); anything else leaves the status indeterminate.
public final class DNSLookupService: Sendable {
    private let transport: any DNSTransport
    private let cache: LookupCache

    /// `now` is the clock TTLs are counted with (injectable in tests).
    public init(transport: any DNSTransport, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.transport = transport
        cache = LookupCache(now: now)
    }

    /// The RRset of `type` at `name`; a question asked again while its answer's TTL lasts is
    /// answered from the run's cache.
    public func lookup(_ name: DNSName, _ type: RecordType) async -> Lookup {
        let query = DNSQuery(name: name, type: type)
        return await cache.value(for: query) { [transport] in
            await Self.resolve(query, transport: transport)
        }
    }

    private init(transport: any DNSTransport, cache: LookupCache) {
        self.transport = transport
        self.cache = cache
    }

    /// A service with this transport and the same cache (the console: one cache, while the
    /// timeout, resolvers or trace differ from one command to the next).
    public func sharingCache(with transport: any DNSTransport) -> DNSLookupService {
        DNSLookupService(transport: transport, cache: cache)
    }

    /// Answers still in the cache, with the TTL each has left.
    public func cached(includingExpired: Bool = false) async -> [Lookup] { await cache.live(includingExpired: includingExpired) }

    /// Drops cached answers for these names (all types), or all of them when nil.
    public func forget(_ names: Set<DNSName>?) async { await cache.forget(names) }

    /// Drops expired answers of one type; returns how many went.
    @discardableResult
    public func sweep(_ type: RecordType) async -> Int { await cache.sweep(type) }

    public var statistics: CacheStatistics { get async { await cache.statistics } }

    static func resolve(_ query: DNSQuery, transport: any DNSTransport) async -> Lookup {
        let server: ResolverAddress?
        switch await ask(query, transport: transport) {
        case .answered(let lookup): return lookup
        case .serverFailure(let failedServer): server = failedServer
        }
        let diagnosis = await diagnoseServerFailure(query, transport: transport, server: server)
        guard diagnosis.status == .bogus else { return diagnosis }
        // The data exists: before calling it bogus, make sure the SERVFAIL was not a passing
        // failure (an upstream timeout) by asking once more.
        if case .answered(let retry) = await ask(query, transport: transport) { return retry }
        return diagnosis
    }

    private enum Asked {
        case answered(Lookup)
        case serverFailure(ResolverAddress?)
    }

    /// One exchange, read: a lookup, or a SERVFAIL still to be explained.
    private static func ask(_ query: DNSQuery, transport: any DNSTransport) async -> Asked {
        let exchange = await transport.exchange(query)
        let response: DNSResponse
        switch exchange.outcome {
        case .failure(let failure):
            return .answered(failed(query, .indeterminate, failure.description, exchange.server))
        case .response(let answer):
            response = answer
        }
        switch ResponseInterpreter.read(response, for: query) {
        case .answer(let owner, let aliases, let answer, let ttl):
            return .answered(Lookup(name: query.name, type: query.type, owner: owner, aliases: aliases,
                                    status: response.authenticData ? .secure : .insecure,
                                    answer: answer, ttl: ttl, server: exchange.server))
        case .error(let rcode):
            return .answered(failed(query, .indeterminate, "resolver answered \(rcode)", exchange.server))
        case .serverFailure:
            return .serverFailure(exchange.server)
        }
    }

    /// RFC 4035 §3.2.2: with CD=1 a validating resolver returns what it would otherwise reject.
    private static func diagnoseServerFailure(_ query: DNSQuery, transport: any DNSTransport,
                                              server: ResolverAddress?) async -> Lookup {
        let unchecked = DNSQuery(name: query.name, type: query.type, checkingDisabled: true)
        let exchange = await transport.exchange(unchecked)
        switch exchange.outcome {
        case .failure(let failure):
            return failed(query, .indeterminate, "resolver SERVFAIL; with CD=1: \(failure)", server)
        case .response(let response):
            switch ResponseInterpreter.read(response, for: unchecked) {
            case .answer(_, _, .records, _):
                return failed(query, .bogus, "resolver SERVFAIL; data present with CD=1", server)
            case .answer(_, _, let denial, _):
                let what = denial == .nxDomain ? "NXDOMAIN" : "NODATA"
                return failed(query, .bogus, "resolver SERVFAIL; \(what) with CD=1", server)
            case .serverFailure, .error:
                return failed(query, .indeterminate, "resolver SERVFAIL; CD=1 also \(response.rcode)", server)
            }
        }
    }

    private static func failed(_ query: DNSQuery, _ status: SecurityStatus, _ reason: String,
                               _ server: ResolverAddress?) -> Lookup {
        Lookup(name: query.name, type: query.type, status: status, answer: .failed(reason: reason),
               ttl: nil, server: server)
    }
}
