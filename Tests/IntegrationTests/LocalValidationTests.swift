import DaneCore
import Foundation
import Testing

/// Validation here (`--validation local`) against the sandbox's signed tree, compared
/// with the validating Unbound; bogus causes named; the chain command.
@Suite(.sandbox, .serialized)
struct LocalValidationTests {
    static let anchorFile = Sandbox.stateDirectory.appendingPathComponent("keys/root.ds").path

    /// Every domain of the sandbox's DNS cases (the SMTP cases of dane.test are in the CLI test below).
    static let domains = [
        "example.test", "mail-alias.example.test", "one.test", "eight.test", "insecure.test", "insecuretlsa.test",
        "unsignedhost.test", "bogus-tlsa.test", "bogus-mx.test", "bogus-a.test", "nsec.test", "nsec3.test",
        "nx.nsec3.test", "cname.test", "orig.cname.test", "half.cname.test", "firsthop.cname.test", "implicit.test",
        "nomail.implicit.test", "alias.implicit.test", "nullmx.test", "tlsacname.test", "unusable.test",
        "partly.unusable.test", "bigtlsa.test", "lame.test", "nonexistent.test", "expiredrr.test", "expired.test",
        "dsmismatch.test", "dsdigest.test", "unsignedkey.test", "rsa.test", "ed25519.test", "optout.test",
        "sub.optout.test", "nx.optout.test", "any.wild.test", "x.y.wild3.test", "iter.test", "nx.iter.test", "unsignedhost.dane.test", "ee311.mx.dane.test", "ta-inter.mx.dane.test",
    ]

    static func anchors() throws -> [TrustAnchor] { try TrustAnchorFile.load(anchorFile) }

    static func inspector(_ resolver: String, _ mode: ValidationMode) throws -> DomainInspector {
        DomainInspector(configuration: ResolverConfiguration(
            servers: [try ResolverAddress(parsing: resolver)], timeout: 5, validation: mode, trustAnchors: try anchors()))
    }

    /// Every lookup of a report as "name type status result".
    static func outcomes(_ report: DomainReport) -> [String] {
        let lookups = [report.mx] + report.hosts.flatMap { $0.addressLookups + [$0.cnameLookup].compactMap { $0 } + $0.tlsa.attempts }
        return lookups.map { "\($0.name) \($0.type) \($0.status.rawValue) \($0.answer.keyword)" }
    }

    @Test func localValidationReachesTheValidatingResolversStatusOnEveryCase() async throws {
        let resolverMode = try Self.inspector(Sandbox.validating, .resolver)
        let localValidating = try Self.inspector(Sandbox.validating, .local)
        let localPlain = try Self.inspector(Sandbox.nonValidating, .local)
        // The comparison means something only if the cases give every status.
        let known = ["example.test": "secure", "insecure.test": "insecure", "bogus-mx.test": "bogus",
                     "lame.test": "indeterminate", "sub.optout.test": "insecure", "nx.optout.test": "insecure",
                     "any.wild.test": "secure", "expired.test": "bogus", "iter.test": "secure", "nx.iter.test": "insecure"]
        for (domain, status) in known {
            let mx = await localPlain.inspect(try DNSName(validating: domain)).mx
            #expect(mx.status.rawValue == status, "\(domain): \(mx.failureText) \(mx.answer.keyword)")
        }
        for domain in Self.domains {
            let name = try DNSName(validating: domain)
            let expected = Self.outcomes(await resolverMode.inspect(name))
            #expect(Self.outcomes(await localValidating.inspect(name)) == expected, "\(domain) through the validating resolver")
            #expect(Self.outcomes(await localPlain.inspect(name)) == expected, "\(domain) through the non-validating resolver")
        }
    }

    @Test func localModeSaysSecureThroughAResolverThatDoesNotValidate() async throws {
        let name = try DNSName(validating: "example.test")
        let plain = try await Sandbox.report("example.test", resolvers: [Sandbox.nonValidating])
        #expect(plain.mx.status == .insecure)
        let local = try await Self.inspector(Sandbox.nonValidating, .local).inspect(name)
        #expect(local.mx.status == .secure)
        #expect(local.hosts.map { $0.tlsa.attempts.map(\.status) } == [[.secure], [.secure]])
        #expect(local.resolvers.isEmpty, "local mode does not ask whether the resolver validates")
    }

    @Test(arguments: [
        ("expiredrr.test", "RRSIG over TLSA _25._tcp.mx.expiredrr.test expired 2020-02-01T00:00:00Z"),
        ("expired.test", "RRSIG over DNSKEY expired.test expired 2020-02-01T00:00:00Z"),
        ("dsmismatch.test", "no DNSKEY in dsmismatch.test matches DS key tag"),
        ("dsdigest.test", "DS digest mismatch: the DS for dsdigest.test with key tag"),
        ("unsignedkey.test", "the DNSKEY RRset of unsignedkey.test is not signed by the key the DS covers"),
        ("bogus-tlsa.test", "signature over TLSA _25._tcp.mx.bogus-tlsa.test does not verify with key"),
    ])
    func bogusLookupsNameTheirCauseInBothModes(domain: String, cause: String) async throws {
        let name = try DNSName(validating: domain)
        for (resolver, mode) in [(Sandbox.validating, ValidationMode.resolver), (Sandbox.nonValidating, .local)] {
            let report = try await Self.inspector(resolver, mode).inspect(name)
            let failures = ([report.mx] + report.hosts.flatMap { $0.addressLookups + $0.tlsa.attempts }).filter { $0.status == .bogus }
            #expect(!failures.isEmpty, "\(domain) in \(mode) mode")
            #expect(failures.contains { $0.failureReason?.contains(cause) == true },
                    "\(domain) in \(mode) mode: \(failures.map { $0.failureReason ?? "" })")
            if mode == .resolver {
                #expect(failures.allSatisfy { $0.failureReason?.hasPrefix("resolver SERVFAIL; checked here: ") == true })
            }
        }
    }

    @Test(arguments: [("rsa.test", UInt8(8)), ("ed25519.test", 15), ("example.test", 13)])
    func algorithmsValidate(domain: String, algorithm: UInt8) async throws {
        let validator = LocalValidator(transport: ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.nonValidating)], timeout: 5),
                                       anchors: try Self.anchors())
        let report = await validator.chain(try DNSName(validatingOwner: "_25._tcp.mx.\(domain)"), .tlsa)
        #expect(report.status == .secure)
        let zone = report.steps.first { $0.kind == .zone && $0.name.text == domain }
        #expect(zone?.keys.contains { $0.kind == .dnskey && $0.algorithm == algorithm && $0.matched } == true)
        #expect(report.steps.last?.signatures.contains { $0.algorithm == algorithm && $0.result == .valid } == true)
    }

    @Test func nsec3OptOutMakesTheDelegationAndItsNXDOMAINInsecure() async throws {
        let local = try Self.inspector(Sandbox.nonValidating, .local)
        let sub = await local.inspect(try DNSName(validating: "sub.optout.test"))
        #expect(sub.mx.status == .insecure)
        #expect(sub.mx.records.count == 1)
        let missing = await local.inspect(try DNSName(validating: "nx.optout.test"))
        #expect(missing.mx.status == .insecure)
        #expect(missing.mx.answer == .nxDomain)
        let signed = await local.inspect(try DNSName(validating: "optout.test"))
        #expect(signed.mx.status == .secure)
        #expect(signed.hosts.first?.tlsa.attempts.first?.status == .secure)
    }

    @Test func validityWindowsFollowTheInjectedClock() async throws {
        let transport = ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.nonValidating)], timeout: 5)
        let name = try DNSName(validating: "example.test")
        let late = LocalValidator(transport: transport, anchors: try Self.anchors(),
                                  now: { Date(timeIntervalSince1970: 2_127_000_000) })  // 2037-05
        let expired = await late.chain(name, .mx)
        #expect(expired.status == .bogus)
        #expect(expired.reason == "RRSIG over DNSKEY . expired 2037-01-01T00:00:00Z")
        let early = LocalValidator(transport: transport, anchors: try Self.anchors(),
                                   now: { Date(timeIntervalSince1970: 1_600_000_000) })  // 2020-09
        let notYet = await early.chain(name, .mx)
        #expect(notYet.status == .bogus)
        #expect(notYet.reason?.hasPrefix("RRSIG over DNSKEY . is not valid before ") == true)
        let now = LocalValidator(transport: transport, anchors: try Self.anchors())
        #expect(await now.chain(name, .mx).status == .secure)
    }

    @Test func zoneKeysAreFetchedOncePerRunForABatch() async throws {
        let counter = CountingTransport(ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.nonValidating)], timeout: 5))
        let validator = LocalValidator(transport: counter, anchors: try Self.anchors())
        let lookups = DNSLookupService(transport: counter, validation: .local(validator))
        let inspector = DomainInspector(lookups: lookups, probes: [])
        for domain in ["example.test", "one.test", "eight.test", "nsec.test"] {
            let report = await inspector.inspect(try DNSName(validating: domain))
            #expect(report.mx.status == .secure)
        }
        let asked = await counter.queries
        #expect(asked.filter { $0 == "test. DNSKEY +cd" }.count == 1, "\(asked)")
        #expect(asked.filter { $0 == ". DNSKEY +cd" }.count == 1)
        #expect(asked.filter { $0 == "test. DS +cd" }.count == 1)
        #expect(asked.allSatisfy { $0.hasSuffix("+cd") }, "local mode asks everything with CD=1")
    }

    @Test func resolverModeStillWorksWithoutATrustAnchor() async throws {
        let inspector = DomainInspector(configuration: ResolverConfiguration(
            servers: [try ResolverAddress(parsing: Sandbox.validating)], timeout: 5))
        let report = await inspector.inspect(try DNSName(validating: "bogus-mx.test"))
        #expect(report.mx.status == .bogus)
        #expect(report.mx.failureReason == "resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause")
    }
}

/// Counts the questions sent (as "name TYPE +cd"), then passes them on.
actor QueryLog {
    private(set) var entries: [String] = []
    func add(_ entry: String) { entries.append(entry) }
}

struct CountingTransport: DNSTransport {
    let inner: any DNSTransport
    let log = QueryLog()

    init(_ inner: any DNSTransport) { self.inner = inner }

    var queries: [String] { get async { await log.entries } }

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        await log.add(query.description)
        return await inner.exchange(query)
    }
}
