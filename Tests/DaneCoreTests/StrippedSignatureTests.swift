import CLDNS
import Foundation
import Testing
@testable import DaneCore

/// Local validation against the sandbox's real signed tree (needs DANECHECK_SANDBOX=1), with a
/// transport that strips the RRSIGs from chosen answers, as an attacker on the path could.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DANECHECK_SANDBOX"] == "1", "needs the sandbox"),
       .timeLimit(.minutes(1)))
struct StrippedSignatureTests {
    static func anchors() throws -> [TrustAnchor] {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { dir.deleteLastPathComponent() }
        return try TrustAnchorFile.load(dir.appendingPathComponent(".sandbox/keys/root.ds").path)
    }

    static func validator(stripping queries: Set<String>, authorityOnly: Bool = false) throws -> LocalValidator {
        let plain = LDNSTransport(servers: [try ResolverAddress(parsing: "127.53.0.3")], timeout: 5)
        return LocalValidator(transport: StrippingTransport(inner: plain, stripped: queries, authorityOnly: authorityOnly),
                              anchors: try anchors())
    }

    @Test(arguments: ["any.wild.test.", "x.y.wild3.test."])
    func aWildcardAnswerNeedsItsProofThatNoCloserNameExists(name: String) async throws {
        let intact = try Self.validator(stripping: [])
        #expect(await intact.chain(DNSName(dnsText: name), .mx).status == .secure)
        let stripped = try Self.validator(stripping: ["\(name) MX +cd"], authorityOnly: true)
        let report = await stripped.chain(DNSName(dnsText: name), .mx)
        #expect(report.status == .bogus)
        #expect(report.reason == "MX \(DNSName(dnsText: name).text) was expanded from a wildcard without proof that \(DNSName(dnsText: name).text) does not exist")
    }

    @Test func aDSWithoutSignaturesIsBogusAndTheWalkDoesNotWaitOnItself() async throws {
        let validator = try Self.validator(stripping: ["example.test. DS +cd"])
        let report = await validator.chain(DNSName(dnsText: "example.test."), .mx)
        #expect(report.status == .bogus)
        #expect(report.reason == "no RRSIG over DS example.test in the signed zone test")
    }

    @Test func anAnswerWithoutSignaturesInASignedZoneIsBogus() async throws {
        let validator = try Self.validator(stripping: ["_25._tcp.mx1.example.test. TLSA +cd"])
        let report = await validator.chain(DNSName(dnsText: "_25._tcp.mx1.example.test."), .tlsa)
        #expect(report.status == .bogus)
        #expect(report.reason == "no RRSIG over TLSA _25._tcp.mx1.example.test in the signed zone example.test")
    }

    @Test func aDenialWithoutItsProofIsBogus() async throws {
        let validator = try Self.validator(stripping: ["_25._tcp.mx.nsec3.test. TLSA +cd"])
        let report = await validator.chain(DNSName(dnsText: "_25._tcp.mx.nsec3.test."), .tlsa)
        #expect(report.status == .bogus)
        #expect(report.reason == "no NSEC/NSEC3 proof for the absence of TLSA at _25._tcp.mx.nsec3.test in the signed zone nsec3.test")
    }
}

/// Passes queries on; for the listed ones ("name TYPE +cd") drops every RRSIG, NSEC and NSEC3
/// record from the response (`authorityOnly`: from the authority section only).
struct StrippingTransport: DNSTransport {
    let inner: any DNSTransport
    let stripped: Set<String>
    var authorityOnly = false

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        let exchange = await inner.exchange(query)
        guard stripped.contains(query.description), case .response(let response) = exchange.outcome,
              let wire = response.wire, let stripped = Self.strip(wire, authorityOnly: authorityOnly) else { return exchange }
        return DNSExchange(query: query, server: exchange.server, outcome: .response(stripped), milliseconds: exchange.milliseconds)
    }

    static func strip(_ wire: [UInt8], authorityOnly: Bool) -> DNSResponse? {
        guard let original = try? LDNSPacket(wire: wire), let copy = ldns_pkt_clone(original.pointer) else { return nil }
        for section in authorityOnly ? [LDNS_SECTION_AUTHORITY] : [LDNS_SECTION_ANSWER, LDNS_SECTION_AUTHORITY] {
            let list = section == LDNS_SECTION_ANSWER ? ldns_pkt_answer(copy) : ldns_pkt_authority(copy)
            guard let list else { continue }
            let kept = ldns_rr_list_new()!
            for index in 0..<ldns_rr_list_rr_count(list) {
                guard let rr = ldns_rr_list_rr(list, index) else { continue }
                let type = ldns_rr_get_type(rr)
                if type == LDNS_RR_TYPE_RRSIG || type == LDNS_RR_TYPE_NSEC || type == LDNS_RR_TYPE_NSEC3 { continue }
                _ = ldns_rr_list_push_rr(kept, ldns_rr_clone(rr))
            }
            ldns_rr_list_deep_free(list)
            if section == LDNS_SECTION_ANSWER { ldns_pkt_set_answer(copy, kept) } else { ldns_pkt_set_authority(copy, kept) }
            if section == LDNS_SECTION_ANSWER { ldns_pkt_set_ancount(copy, UInt16(ldns_rr_list_rr_count(kept))) }
            else { ldns_pkt_set_nscount(copy, UInt16(ldns_rr_list_rr_count(kept))) }
        }
        return LDNSPacket(taking: copy).response
    }
}
