import Foundation

/// Looks up RRsets and gives each its DNSSEC status (RFC 7672 §2.1.1).
///
/// Resolver mode: through a validating resolver's AD bit. A SERVFAIL is asked again with CD=1:
/// data (or a denial) then means the validator rejected it (bogus), and the validator, when there
/// is one, names the cause; anything else leaves the status indeterminate.
/// Local mode: every question is asked with CD=1 and the answer validated here (`LocalValidator`).
public final class DNSLookupService: Sendable {
    private let transport: any DNSTransport
    private let cache: LookupCache
    public let validation: Validation
    /// The wall clock signature expiries are read against (RRSIG times are serial numbers).
    public let wallClock: @Sendable () -> Date

    public var mode: ValidationMode { validation.mode }
    /// Validates in local mode; explains SERVFAILs in resolver mode. Nil: no trust anchor.
    public var validator: LocalValidator? { validation.validator }

    /// `now` is the clock TTLs are counted with, `wallClock` the one RRSIG expiries are read
    /// against (both injectable in tests).
    public init(transport: any DNSTransport, validation: Validation = .resolver(explainer: nil),
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.transport = transport
        self.validation = validation
        self.wallClock = wallClock
        cache = LookupCache(now: now)
    }

    /// The RRset of `type` at `name`; a question asked again while its answer's TTL lasts is
    /// answered from the run's cache.
    public func lookup(_ name: DNSName, _ type: RecordType) async -> Lookup {
        // Local mode's answers are cached under the CD=1 question: never mixed with the resolver's.
        let key = DNSQuery(name: name, type: type, checkingDisabled: mode == .local)
        let query = DNSQuery(name: name, type: type)
        return await cache.value(for: key) { [transport, validation, wallClock] in
            switch validation {
            case .local(let validator): await Self.resolveLocally(query, transport: transport, validator: validator, now: wallClock())
            case .resolver(let explainer): await Self.resolve(query, transport: transport, validator: explainer, now: wallClock())
            }
        }
    }

    /// The A and AAAA lookups of a host, at once.
    public func addressLookups(_ host: DNSName) async -> [Lookup] {
        async let a = lookup(host, .a)
        async let aaaa = lookup(host, .aaaa)
        return await [a, aaaa]
    }

    private init(transport: any DNSTransport, cache: LookupCache, validation: Validation, wallClock: @escaping @Sendable () -> Date) {
        self.transport = transport
        self.cache = cache
        self.validation = validation
        self.wallClock = wallClock
    }

    /// A service with this transport and the same cache (the console: one cache, while the
    /// timeout, resolvers or trace differ from one command to the next).
    public func sharingCache(with transport: any DNSTransport, validation: Validation = .resolver(explainer: nil)) -> DNSLookupService {
        DNSLookupService(transport: transport, cache: cache, validation: validation, wallClock: wallClock)
    }

    /// Answers still in the cache, with the TTL each has left.
    public func cached(includingExpired: Bool = false) async -> [Lookup] { cache.live(includingExpired: includingExpired) }

    /// Drops cached answers for these names (all types), or all of them when nil.
    public func forget(_ names: Set<DNSName>?) async { cache.forget(names) }

    /// Drops expired answers of one type; returns how many went.
    @discardableResult
    public func sweep(_ type: RecordType) async -> Int { cache.sweep(type) }

    public var statistics: CacheStatistics { get async { cache.statistics } }

    /// Questions being asked now, by any task (for tests: nothing is left running).
    public var lookupsInFlight: Int { cache.inFlight }

    /// Local mode: ask with CD=1, validate here; a SERVFAIL even with CD=1 is indeterminate.
    static func resolveLocally(_ query: DNSQuery, transport: any DNSTransport, validator: LocalValidator, now: Date) async -> Lookup {
        let unchecked = DNSQuery(name: query.name, type: query.type, checkingDisabled: true)
        let exchange = await transport.exchange(unchecked)
        let response: DNSResponse
        switch exchange.outcome {
        case .failure(let failure):
            return failed(query, .indeterminate, failure.description, exchange.server)
        case .response(let answer):
            response = answer
        }
        switch ResponseInterpreter.read(response, for: unchecked) {
        case .serverFailure:
            return failed(query, .indeterminate, "resolver SERVFAIL with CD=1", exchange.server)
        case .error(let rcode):
            return failed(query, .indeterminate, "resolver answered \(rcode)", exchange.server)
        case .broken(let reason):
            return failed(query, .indeterminate, reason, exchange.server)
        case .answer(let owner, let aliases, let answer, let ttl):
            let outcome = await validator.validate(unchecked, response)
            guard !outcome.status.isFailure else {
                return failed(query, outcome.status, outcome.reason ?? "validation failed", exchange.server)
            }
            return Lookup(name: query.name, type: query.type, owner: owner, aliases: aliases, status: outcome.status,
                          answer: answer, ttl: ttl, server: exchange.server, signatureExpiry: response.earliestSignatureExpiry(near: now))
        }
    }

    static func resolve(_ query: DNSQuery, transport: any DNSTransport, validator: LocalValidator? = nil, now: Date) async -> Lookup {
        let server: ResolverAddress?
        switch await ask(query, transport: transport, now: now) {
        case .answered(let lookup): return lookup
        case .serverFailure(let failedServer): server = failedServer
        }
        let diagnosis = await diagnoseServerFailure(query, transport: transport, server: server, validator: validator)
        guard diagnosis.status == .bogus else { return diagnosis }
        // The data exists: before calling it bogus, make sure the SERVFAIL was not a passing
        // failure (an upstream timeout) by asking once more.
        if case .answered(let retry) = await ask(query, transport: transport, now: now) { return retry }
        return diagnosis
    }

    private enum Asked {
        case answered(Lookup)
        case serverFailure(ResolverAddress?)
    }

    /// One exchange, read: a lookup, or a SERVFAIL still to be explained.
    private static func ask(_ query: DNSQuery, transport: any DNSTransport, now: Date) async -> Asked {
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
                                    answer: answer, ttl: ttl, server: exchange.server,
                                    signatureExpiry: response.earliestSignatureExpiry(near: now)))
        case .error(let rcode):
            return .answered(failed(query, .indeterminate, "resolver answered \(rcode)", exchange.server))
        case .broken(let reason):
            return .answered(failed(query, .indeterminate, reason, exchange.server))
        case .serverFailure:
            return .serverFailure(exchange.server)
        }
    }

    /// RFC 4035 §3.2.2: with CD=1 a validating resolver returns what it would otherwise reject.
    private static func diagnoseServerFailure(_ query: DNSQuery, transport: any DNSTransport,
                                              server: ResolverAddress?, validator: LocalValidator?) async -> Lookup {
        let unchecked = DNSQuery(name: query.name, type: query.type, checkingDisabled: true)
        let exchange = await transport.exchange(unchecked)
        switch exchange.outcome {
        case .failure(let failure):
            return failed(query, .indeterminate, "resolver SERVFAIL; with CD=1: \(failure)", server)
        case .response(let response):
            let reading = ResponseInterpreter.read(response, for: unchecked)
            if case .answer = reading, let validator {
                // Name the cause: validate the CD=1 answer here.
                let outcome = await validator.validate(unchecked, response)
                // A failure at the anchor itself means our anchor is not the resolver's: no cause found.
                let atAnchor = outcome.steps.first { $0.status == .bogus }.map { $0.kind == .zone && $0.signer == nil } ?? false
                if outcome.status == .bogus, !atAnchor, let reason = outcome.reason {
                    return failed(query, .bogus, "resolver SERVFAIL; checked here: \(reason)", server)
                }
            }
            // No cause found here (no anchor, or not the resolver's): say how to find it.
            let hint = "; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause"
            switch reading {
            case .answer(_, _, .records, _):
                return failed(query, .bogus, "resolver SERVFAIL; data present with CD=1" + hint, server)
            case .answer(_, _, let denial, _):
                let what = denial == .nxDomain ? "NXDOMAIN" : "NODATA"
                return failed(query, .bogus, "resolver SERVFAIL; \(what) with CD=1" + hint, server)
            case .serverFailure, .error:
                return failed(query, .indeterminate, "resolver SERVFAIL; CD=1 also \(response.rcode)", server)
            case .broken(let reason):
                return failed(query, .indeterminate, "resolver SERVFAIL; with CD=1: \(reason)", server)
            }
        }
    }

    private static func failed(_ query: DNSQuery, _ status: SecurityStatus, _ reason: String,
                               _ server: ResolverAddress?) -> Lookup {
        Lookup(name: query.name, type: query.type, status: status, answer: .failed(reason: reason),
               ttl: nil, server: server)
    }
}
