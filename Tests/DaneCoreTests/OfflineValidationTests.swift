import Foundation
import Testing
@testable import DaneCore

/// The local validator and its denial proofs over the sandbox's recorded signed tree
/// (`SandboxFixture`): no servers, no root; the same statuses and causes the live tests find.
@Suite(.timeLimit(.minutes(1)))
struct OfflineValidationTests {
    static func chain(_ name: String, _ type: RecordType, now: (@Sendable () -> Date)? = nil) async throws -> ChainReport {
        try await SandboxFixture.validator(now: now).chain(DNSName(validatingOwner: name), type)
    }

    @Test(arguments: [
        ("example.test", RecordType.mx, SecurityStatus.secure, String.keywordRecords),
        ("_25._tcp.mx1.example.test", .tlsa, .secure, .keywordRecords),
        ("mail-alias.example.test", .mx, .secure, .keywordRecords),
        ("insecure.test", .mx, .insecure, .keywordRecords),
        ("_25._tcp.mx.nsec.test", .tlsa, .secure, "nxdomain"),
        ("_25._tcp.mx.nsec3.test", .tlsa, .secure, "nxdomain"),
        ("nx.nsec3.test", .mx, .secure, "nxdomain"),
        ("sub.optout.test", .mx, .insecure, .keywordRecords),
        ("nx.optout.test", .mx, .insecure, "nxdomain"),
        ("any.wild.test", .mx, .secure, .keywordRecords),
        ("x.y.wild3.test", .mx, .secure, .keywordRecords),
        ("iter.test", .mx, .secure, .keywordRecords),
        ("nx.iter.test", .mx, .insecure, "nxdomain"),
    ])
    func statusesOfTheSandboxCases(name: String, type: RecordType, status: SecurityStatus, result: String) async throws {
        let report = try await Self.chain(name, type)
        #expect(report.status == status, "\(name): \(report.reason ?? "")")
        #expect(report.lookup.answer.keyword == result)
    }

    @Test(arguments: [
        ("_25._tcp.mx.expiredrr.test", "RRSIG over TLSA _25._tcp.mx.expiredrr.test expired 2020-02-01T00:00:00Z"),
        ("_25._tcp.mx.expired.test", "RRSIG over DNSKEY expired.test expired 2020-02-01T00:00:00Z"),
        ("_25._tcp.mx.dsmismatch.test", "no DNSKEY in dsmismatch.test matches DS key tag"),
        ("_25._tcp.mx.dsdigest.test", "DS digest mismatch: the DS for dsdigest.test with key tag"),
        ("_25._tcp.mx.unsignedkey.test", "the DNSKEY RRset of unsignedkey.test is not signed by the key the DS covers"),
        ("_25._tcp.mx.bogus-tlsa.test", "signature over TLSA _25._tcp.mx.bogus-tlsa.test does not verify with key"),
    ])
    func bogusAnswersNameTheirCause(name: String, cause: String) async throws {
        let report = try await Self.chain(name, .tlsa)
        #expect(report.status == .bogus)
        #expect(report.reason?.contains(cause) == true, "\(name): \(report.reason ?? "")")
    }

    @Test(arguments: [("rsa.test", UInt8(8)), ("ed25519.test", 15), ("example.test", 13)])
    func algorithmsValidate(domain: String, algorithm: UInt8) async throws {
        let report = try await Self.chain("_25._tcp.mx.\(domain)", .tlsa)
        #expect(report.status == .secure)
        let zone = report.steps.first { $0.kind == .zone && $0.name.text == domain }
        #expect(zone?.keys.contains { $0.kind == .dnskey && $0.algorithm == algorithm && $0.matched } == true)
        #expect(report.steps.last?.signatures.contains { $0.algorithm == algorithm && $0.result == .valid } == true)
    }

    @Test func validityWindowsFollowTheClock() async throws {
        let late = try await Self.chain("example.test", .mx, now: { Date(timeIntervalSince1970: 2_127_000_000) })  // 2037-05
        #expect(late.status == .bogus)
        #expect(late.reason == "RRSIG over DNSKEY . expired 2037-01-01T00:00:00Z")
        let early = try await Self.chain("example.test", .mx, now: { Date(timeIntervalSince1970: 1_600_000_000) })  // 2020-09
        #expect(early.status == .bogus)
        #expect(early.reason?.hasPrefix("RRSIG over DNSKEY . is not valid before ") == true)
    }

    @Test func aLookupServiceInLocalModeSaysSecureFromTheRecording() async throws {
        let transport = SandboxFixture.transport
        let validator = try SandboxFixture.validator(over: transport)
        let lookups = DNSLookupService(transport: transport, validation: .local(validator))
        let tlsa = await lookups.lookup(DNSName(dnsText: "_25._tcp.mx1.example.test"), .tlsa)
        #expect(tlsa.status == .secure && tlsa.tlsaRecords.count == 1)
        let denied = await lookups.lookup(DNSName(dnsText: "_25._tcp.mx.nsec3.test"), .tlsa)
        #expect(denied.status == .secure && denied.answer == .nxDomain)
    }
}

extension String {
    /// `LookupAnswer.keyword` of an answer with records.
    static let keywordRecords = "records"
}
