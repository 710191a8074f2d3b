import Foundation
import Testing
@testable import DaneCore

@Suite struct DNSLookupServiceTests {
    /// What a SERVFAIL that nothing here explains adds: how to find the cause.
    static let hint = "; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause"

    let name = DNSName(dnsText: "_25._tcp.mx.example.test")
    let tlsa = "_25._tcp.mx.example.test. 300 IN TLSA 3 1 1 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
    let soa = "example.test. 3600 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"

    @Test func adBitMakesALookupSecureAndItsAbsenceInsecure() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa])
        transport.record("_25._tcp.mx.example.test.", .a, ad: false, answer: [], authority: [soa])
        let service = DNSLookupService(transport: transport)
        let secure = await service.lookup(name, .tlsa)
        #expect(secure.status == .secure)
        #expect(secure.tlsaRecords.count == 1)
        #expect(secure.ttl == 300)
        let insecure = await service.lookup(name, .a)
        #expect(insecure.status == .insecure)
        #expect(insecure.answer == .noData)
    }

    /// An RRSIG's expiration is a 32-bit serial number: the date is read against the clock the
    /// service is given, not the machine's. The same answer, expiring 2037-01-01 on today's
    /// clock, expires 2^32 s later (2173) on a clock past the 2106 wrap.
    @Test func signatureExpiriesAreReadAgainstTheInjectedClock() async throws {
        let transport = ReplayTransport()
        let rrsig = "_25._tcp.mx.example.test. 300 IN RRSIG TLSA 13 5 300 20370101000000 20261201000000 12345 example.test. "
            + "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5emFiY2RlZmdoaWprbA=="
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa, rrsig])
        let expiry = Date(timeIntervalSince1970: 2_114_380_800)  // 2037-01-01
        let today = DNSLookupService(transport: transport, wallClock: { Date(timeIntervalSince1970: 1_796_000_000) })
        #expect(await today.lookup(name, .tlsa).signatureExpiry == expiry)
        let afterWrap = DNSLookupService(transport: transport, wallClock: { Date(timeIntervalSince1970: 4_300_000_000) })
        #expect(await afterWrap.lookup(name, .tlsa).signatureExpiry == expiry.addingTimeInterval(4_294_967_296))
    }

    @Test func servfailWithDataUnderCDIsBogus() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, rcode: 2, ad: false, answer: [])
        transport.record("_25._tcp.mx.example.test.", .tlsa, cd: true, ad: false, answer: [tlsa])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .bogus)
        #expect(lookup.answer == .failed(reason: "resolver SERVFAIL; data present with CD=1\(Self.hint)"))
        #expect(lookup.records.isEmpty, "bogus data must never be used")
        // SERVFAIL, data with CD=1, SERVFAIL again: bogus.
        #expect(transport.queries.map(\.checkingDisabled) == [false, true, false])
    }

    @Test func aPassingServfailIsNotBogus() async {
        let transport = ReplayTransport()
        transport.failOnce("_25._tcp.mx.example.test.", .tlsa)
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa])
        transport.record("_25._tcp.mx.example.test.", .tlsa, cd: true, ad: false, answer: [tlsa])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .secure)
        #expect(lookup.tlsaRecords.count == 1)
        #expect(transport.queries.map(\.checkingDisabled) == [false, true, false])
    }

    @Test func servfailWithDenialUnderCDIsBogusToo() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, rcode: 2, ad: false, answer: [])
        transport.record("_25._tcp.mx.example.test.", .tlsa, cd: true, rcode: 3, ad: false, answer: [], authority: [soa])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .bogus)
        #expect(lookup.failureReason == "resolver SERVFAIL; NXDOMAIN with CD=1\(Self.hint)")
        #expect(!lookup.isDenial, "a bogus denial is not a denial")
    }

    @Test func servfailThatCDDoesNotExplainIsIndeterminate() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, rcode: 2, ad: false, answer: [])
        transport.record("_25._tcp.mx.example.test.", .tlsa, cd: true, rcode: 2, ad: false, answer: [])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .indeterminate)
        #expect(lookup.failureReason == "resolver SERVFAIL; CD=1 also SERVFAIL")
    }

    @Test func timeoutIsIndeterminateAndNamesTheServer() async {
        let lookup = await DNSLookupService(transport: ReplayTransport()).lookup(name, .tlsa)
        #expect(lookup.status == .indeterminate)
        #expect(lookup.failureReason == "timeout: no answer from 127.0.0.1 within 5s")
    }

    @Test func refusedIsIndeterminate() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, rcode: 5, ad: false, answer: [])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .indeterminate)
        #expect(lookup.failureReason == "resolver answered REFUSED")
    }

    @Test func secureNXDomainKeepsItsStatus() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, rcode: 3, ad: true, answer: [], authority: [soa])
        let lookup = await DNSLookupService(transport: transport).lookup(name, .tlsa)
        #expect(lookup.status == .secure)
        #expect(lookup.answer == .nxDomain)
    }

    @Test func theSameQuestionIsAskedOncePerRun() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa])
        let service = DNSLookupService(transport: transport)
        async let first = service.lookup(name, .tlsa)
        async let second = service.lookup(name, .tlsa)
        let both = await [first, second]
        #expect(both.map(\.status) == [.secure, .secure])
        #expect(both.map { $0.tlsaEntries.count } == [1, 1])
        #expect(transport.queries.count == 1)
    }

    @Test func answersAreReusedWhileTheirTTLLasts() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa])  // TTL 300
        let clock = TestClock()
        let service = DNSLookupService(transport: transport, now: { clock.now })
        _ = await service.lookup(name, .tlsa)
        clock.advance(by: .seconds(299))
        _ = await service.lookup(name, .tlsa)
        #expect(transport.queries.count == 1, "reused within the TTL")
        clock.advance(by: .seconds(2))
        _ = await service.lookup(name, .tlsa)
        #expect(transport.queries.count == 2, "asked again once the TTL ran out")
    }

    @Test func sweepDropsExpiredTLSAAnswersOnly() async {
        let transport = ReplayTransport()
        transport.record("_25._tcp.mx.example.test.", .tlsa, ad: true, answer: [tlsa])  // TTL 300
        transport.record("example.test.", .mx, ad: true, answer: ["example.test. 3600 IN MX 10 mx.example.test."])
        let clock = TestClock()
        let service = DNSLookupService(transport: transport, now: { clock.now })
        _ = await service.lookup(name, .tlsa)
        _ = await service.lookup(DNSName(dnsText: "example.test"), .mx)
        #expect(await service.sweep(.tlsa) == 0, "nothing expired yet")
        clock.advance(by: .seconds(301))
        #expect(await service.sweep(.tlsa) == 1)
        #expect(await service.cached().map(\.type) == [.mx])
        let stats = await service.statistics
        #expect(stats.totalAsked == 2 && stats.responses == 2 && stats.totalHits == 0)
    }

    @Test func validationProbeReadsADOnTheRootSOA() async {
        let transport = ReplayTransport()
        #expect(await ResolverValidationProbe.validates(through: transport) == nil)
        transport.record(".", .soa, ad: false, answer: [". 86400 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"])
        #expect(await ResolverValidationProbe.validates(through: transport) == false)
        transport.record(".", .soa, ad: true, answer: [". 86400 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300"])
        #expect(await ResolverValidationProbe.validates(through: transport) == true)
        #expect(ResolverReport(server: ReplayTransport.server, validates: false).warning
                == "resolver 127.0.0.1 does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)")
        #expect(ResolverReport(server: ReplayTransport.server, validates: true).warning == nil)
    }
}

/// A lookup still on its way when the cache is emptied (the console's `set resolver`) must not
/// put the old resolver's answer back when it arrives.
@Suite struct LookupCacheRaceTests {
    /// Answers only when `release()` is called.
    final class GatedTransport: DNSTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var asked = 0
        let inner: ReplayTransport

        init(_ inner: ReplayTransport) { self.inner = inner }

        var queries: Int { lock.withLock { asked } }

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            await withCheckedContinuation { continuation in
                lock.withLock {
                    asked += 1
                    waiting.append(continuation)
                }
            }
            return await inner.exchange(query)
        }

        func release() {
            let all = lock.withLock { defer { waiting = [] }; return waiting }
            all.forEach { $0.resume() }
        }
    }

    @Test func anAnswerArrivingAfterTheCacheWasEmptiedIsNotStored() async throws {
        let replay = ReplayTransport()
        replay.record("example.test.", .mx, ad: true, answer: ["example.test. 3600 IN MX 10 old.example.test."])
        let gated = GatedTransport(replay)
        let service = DNSLookupService(transport: gated)
        let name = DNSName(dnsText: "example.test")
        let pending = Task { await service.lookup(name, .mx) }
        while gated.queries == 0 { await Task.yield() }
        await service.forget(nil)
        gated.release()
        _ = await pending.value
        #expect(await service.cached().isEmpty, "the old resolver's answer came back into the emptied cache")
    }

    /// Answers every question with `.noServers` at once, counting the questions per name.
    final class CountingFailures: DNSTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [DNSName: Int] = [:]

        var counts: [DNSName: Int] { lock.withLock { asked } }

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            lock.withLock { asked[query.name, default: 0] += 1 }
            return DNSExchange(query: query, server: nil, outcome: .failure(.noServers), milliseconds: 0)
        }
    }

    /// An asker that found no answer and then no lookup in flight (the one before it stored its
    /// answer and left in between) uses the stored answer: 3,000 names each asked by four tasks
    /// at once (on the cooperative pool's threads, two here) are each sent once, and the
    /// statistics count the other three as hits (before: 140 to 200 names sent twice, every run).
    /// The clock stands still: a failure's 5 s of reuse never runs out on a loaded machine.
    @Test func aQuestionIsSentOnceWhenItsLookupFinishesBetweenTheLookAndTheJoin() async {
        let transport = CountingFailures()
        let clock = TestClock()
        let service = DNSLookupService(transport: transport, now: { clock.now })
        let names = (0..<3_000).map { DNSName(dnsText: "n\($0).example.test") }
        await withDiscardingTaskGroup { group in
            for name in names {
                for _ in 0..<4 { group.addTask { _ = await service.lookup(name, .a) } }
            }
        }
        let counts = transport.counts
        #expect(counts.count == names.count)
        #expect(counts.values.filter { $0 > 1 }.count == 0, "\(counts.values.filter { $0 > 1 }.count) names sent more than once")
        let statistics = await service.statistics
        #expect(statistics.totalAsked == 4 * names.count)
        #expect(statistics.responses == names.count)
    }

    /// A batch releases each domain's own answers when the domain is done: those names (every
    /// type) leave the cache and are asked again if needed; every other name's answers stay.
    @Test func forgettingNamesDropsTheirAnswersOnly() async throws {
        let replay = ReplayTransport()
        replay.record("a.test.", .mx, ad: true, answer: ["a.test. 3600 IN MX 10 mx.shared.test."])
        replay.record("_smtp._tls.a.test.", .txt, ad: true, answer: ["_smtp._tls.a.test. 3600 IN TXT \"v=TLSRPTv1; rua=mailto:r@a.test\""])
        replay.record("mx.shared.test.", .a, ad: true, answer: ["mx.shared.test. 3600 IN A 192.0.2.25"])
        let service = DNSLookupService(transport: replay)
        let domain = DNSName(dnsText: "a.test"), shared = DNSName(dnsText: "mx.shared.test")
        _ = await service.lookup(domain, .mx)
        _ = await service.lookup(domain.prepending("_smtp._tls"), .txt)
        _ = await service.lookup(shared, .a)
        #expect(await service.cached().count == 3)
        await service.forget([domain, domain.prepending("_smtp._tls"), DNSName(dnsText: "never.asked.test")])
        #expect(await service.cached().map(\.name) == [shared])
        _ = await service.lookup(shared, .a)
        _ = await service.lookup(domain, .mx)
        #expect(replay.queries.filter { $0.name == shared }.count == 1)  // still cached
        #expect(replay.queries.filter { $0.name == domain }.count == 2)  // asked again
    }
}
