import Foundation
import Testing
@testable import DaneCore

/// RFC 8460 §3 lookups: `_smtp._tls` and the drafts' `_smtp-tlsrpt` are asked at the same time,
/// so a domain without TLSRPT costs one round trip, not two.
struct TLSRPTLookupTests {
    @Test func theDraftsNameIsAskedBeforeTheAnswerForTheCurrentOneArrives() async {
        let transport = HeldAnswerTransport(held: "_smtp._tls.example.com", until: "_smtp-tlsrpt.example.com")
        let report = await TLSRPTLookup.look(DNSName(dnsText: "example.com"), lookups: DNSLookupService(transport: transport))
        #expect(report.txt.answer == .noData, "the _smtp._tls answer was held until the bound: the drafts' name was asked after it")
        #expect(report.obsolete?.answer == .noData)
        #expect(report.failure == nil && report.record == nil)
    }

    @Test func aRecordAtTheCurrentNameLeavesTheDraftsAnswerOut() async throws {
        let transport = ReplayTransport()
        transport.record("_smtp._tls.example.com", .txt, ad: true,
                         answer: ["_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:r@example.com\""])
        let report = await TLSRPTLookup.look(DNSName(dnsText: "example.com"), lookups: DNSLookupService(transport: transport))
        #expect(report.record?.rua == ["mailto:r@example.com"])
        #expect(report.obsolete == nil)
    }

    /// Answers NOERROR/no data to every query, but holds `held` until `until` has been asked
    /// (at most 30 s; then the held query times out). No thread is blocked while holding: the
    /// other query must be able to arrive whatever else the test run keeps busy.
    final class HeldAnswerTransport: DNSTransport, @unchecked Sendable {
        private let rendezvous = Rendezvous()
        private let held: DNSName
        private let until: DNSName

        init(held: String, until: String) {
            self.held = DNSName(dnsText: held)
            self.until = DNSName(dnsText: until)
        }

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            await rendezvous.arrive(query.name)
            let released = query.name == held ? await rendezvous.wait(for: until, seconds: 30) : true
            let outcome: DNSExchange.Outcome = released
                ? .response(RecordedPacket.response(rcode: 0, ad: true, answer: []))
                : .failure(.timeout(server: ReplayTransport.server, seconds: 30))
            return DNSExchange(query: query, server: ReplayTransport.server, outcome: outcome, milliseconds: 0)
        }
    }

    actor Rendezvous {
        private var arrived: Set<DNSName> = []
        private var waiting: [DNSName: [CheckedContinuation<Bool, Never>]] = [:]

        func arrive(_ name: DNSName) {
            arrived.insert(name)
            for waiter in waiting.removeValue(forKey: name) ?? [] { waiter.resume(returning: true) }
        }

        func wait(for name: DNSName, seconds: Double) async -> Bool {
            if arrived.contains(name) { return true }
            return await withCheckedContinuation { continuation in
                waiting[name, default: []].append(continuation)
                Task {
                    try? await Task.sleep(for: .seconds(seconds))
                    self.expire(name)
                }
            }
        }

        private func expire(_ name: DNSName) {
            for waiter in waiting.removeValue(forKey: name) ?? [] { waiter.resume(returning: false) }
        }
    }
}
