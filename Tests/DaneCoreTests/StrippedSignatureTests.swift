import CLDNS
import Foundation
import Testing
@testable import DaneCore

/// Local validation of the sandbox's real signed tree (its recorded answers, `SandboxFixture`:
/// offline, on the recording's clock), with a transport that strips or forges parts of chosen
/// answers, as an attacker on the path could.
@Suite(.timeLimit(.minutes(1)))
struct StrippedSignatureTests {
    static func validator(stripping queries: Set<String>, authorityOnly: Bool = false) throws -> LocalValidator {
        try validator(Dictionary(uniqueKeysWithValues: queries.map { ($0, .strip(authorityOnly: authorityOnly)) }))
    }

    static func validator(_ rewrites: [String: RewritingTransport.Rewrite]) throws -> LocalValidator {
        try SandboxFixture.validator(over: RewritingTransport(inner: SandboxFixture.transport, rewrites: rewrites))
    }

    @Test func aForgedRRSIGNamingTheOwnerAsSignerDoesNotMakeForgedDataInsecure() async throws {
        let owner = "_25._tcp.mx1.example.test."
        let forged = "\(owner) 300 IN TLSA 3 1 1 " + String(repeating: "ab", count: 32)
        let fakeSignature = "\(owner) 300 IN RRSIG TLSA 13 5 300 20370101000000 20200101000000 4242 \(owner) "
            + Data(repeating: 7, count: 64).base64EncodedString()
        let validator = try Self.validator(["\(owner) TLSA +cd": .forge(removing: 52, adding: [forged, fakeSignature])])
        let report = await validator.chain(DNSName(dnsText: owner), .tlsa)
        #expect(report.status == .bogus, "\(report.reason ?? "")")
    }

    @Test func theParentsDelegationNSECDoesNotDenyNamesInTheChildZone() async throws {
        // test.'s NSEC records (at delegations such as nullmx.test) answering for a name in nullmx.test.
        let validator = try Self.validator(["_25._tcp.mx.nullmx.test. TLSA +cd": .answerWith("nullmx0.test. MX", rcode: 3)])
        let report = await validator.chain(DNSName(dnsText: "_25._tcp.mx.nullmx.test."), .tlsa)
        #expect(report.status == .bogus)
        #expect(report.reason?.contains("parent side of a delegation") == true, "\(report.reason ?? "")")
    }

    @Test func nxdomainNeedsTheWildcardAtTheClosestEncloserDenied() async throws {
        // A wildcard NODATA proof turned into NXDOMAIN: *.wild.test exists, so MX is not denied.
        let validator = try Self.validator(["a.b.wild.test. MX +cd": .answerWith("a.b.wild.test. TXT", rcode: 3)])
        let report = await validator.chain(DNSName(dnsText: "a.b.wild.test."), .mx)
        #expect(report.status == .bogus, "\(report.reason ?? "")")
        let nsec3 = try Self.validator(["foo.wild3.test. MX +cd": .answerWith("foo.wild3.test. TXT", rcode: 3)])
        #expect(await nsec3.chain(DNSName(dnsText: "foo.wild3.test."), .mx).status == .bogus)
    }

    @Test func aWildcardsNSECCopiedToAnotherOwnerDeniesNothing() async throws {
        // "*.wild.test NSEC mx.wild.test MX RRSIG NSEC" (signed with labels 2) moved to the TLSA owner.
        let owner = "_25._tcp.mx.wild.test."
        let validator = try Self.validator(["\(owner) TLSA +cd": .answerWith("any.wild.test. TXT", rcode: 0, rename: ("*.wild.test.", owner))])
        let report = await validator.chain(DNSName(dnsText: owner), .tlsa)
        #expect(report.status == .bogus, "\(report.reason ?? "")")
        #expect(report.reason?.contains("is a wildcard expansion") == true, "\(report.reason ?? "")")
        #expect(await (try Self.validator([:])).chain(DNSName(dnsText: owner), .tlsa).status == .secure)
    }

    @Test func aSignerAboveTheTrustAnchorVouchesForNothing() async throws {
        let anchors = try SandboxFixture.testAnchors
        let owner = "_25._tcp.mx1.example.test."
        let forged = "\(owner) 300 IN TLSA 3 1 1 " + String(repeating: "cd", count: 32)
        let fakeSignature = "\(owner) 300 IN RRSIG TLSA 13 5 300 20370101000000 20200101000000 4242 . "
            + Data(repeating: 9, count: 64).base64EncodedString()
        let plain = SandboxFixture.transport
        let rewriting = RewritingTransport(inner: plain, rewrites: ["\(owner) TLSA +cd": .forge(removing: 52, adding: [forged, fakeSignature])])
        let report = await (try SandboxFixture.validator(anchors: anchors, over: rewriting)).chain(DNSName(dnsText: owner), .tlsa)
        #expect(report.status == .bogus, "\(report.reason ?? "")")
        let honest = await (try SandboxFixture.validator(anchors: anchors, over: plain)).chain(DNSName(dnsText: owner), .tlsa)
        #expect(honest.status == .secure, "an anchor for test. validates below it")
    }

    @Test func aCNAMEAnsweringForDSWithoutSignaturesEndsWithoutWaitingOnItself() async throws {
        let validator = try Self.validator(stripping: ["alias.cname.test. A +cd", "alias.cname.test. DS +cd"])
        let report = await validator.chain(DNSName(dnsText: "alias.cname.test."), .a)
        #expect(report.status == .bogus, "\(report.reason ?? "")")
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

/// Passes queries on; rewrites the responses to the listed questions ("name TYPE +cd") the
/// way an attacker on the path could.
struct RewritingTransport: DNSTransport {
    enum Rewrite {
        /// Drop every RRSIG, NSEC and NSEC3 record (from the authority section only, or everywhere).
        case strip(authorityOnly: Bool)
        /// Answer with the response to another question, with this rcode (records owned by
        /// `rename.from` moved to `rename.to`).
        case answerWith(String, rcode: UInt8, rename: (from: String, to: String)? = nil)
        /// Remove the answer records of a type and add these lines to the answer section.
        case forge(removing: UInt16, adding: [String])
        /// Remove the authority records owned by this name (an NSEC3 and its RRSIG, say).
        case dropAuthority(owner: String)
    }

    let inner: any DNSTransport
    let rewrites: [String: Rewrite]

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        guard let rewrite = rewrites[query.description] else { return await inner.exchange(query) }
        var source = query
        if case .answerWith(let other, _, _) = rewrite {
            let parts = other.split(separator: " ")
            source = DNSQuery(name: DNSName(dnsText: String(parts[0])), type: RecordType(askable: String(parts[1]))!,
                              checkingDisabled: true)
        }
        let exchange = await inner.exchange(source)
        guard case .response(let response) = exchange.outcome, let wire = response.wire,
              let original = try? LDNSPacket(wire: wire), let copy = ldns_pkt_clone(original.pointer) else { return exchange }
        switch rewrite {
        case .strip(let authorityOnly):
            for section in authorityOnly ? [LDNS_SECTION_AUTHORITY] : [LDNS_SECTION_ANSWER, LDNS_SECTION_AUTHORITY] {
                Self.filter(copy, section) { type in type != LDNS_RR_TYPE_RRSIG && type != LDNS_RR_TYPE_NSEC && type != LDNS_RR_TYPE_NSEC3 }
            }
        case .answerWith(_, let rcode, let rename):
            ldns_pkt_set_rcode(copy, rcode)
            if let rename, let from = ldns_dname_new_frm_str(rename.from) {
                defer { ldns_rdf_deep_free(from) }
                for list in [ldns_pkt_answer(copy), ldns_pkt_authority(copy)] {
                    guard let list else { continue }
                    for index in 0..<ldns_rr_list_rr_count(list) {
                        guard let rr = ldns_rr_list_rr(list, index), ldns_dname_compare(ldns_rr_owner(rr), from) == 0 else { continue }
                        ldns_rdf_deep_free(ldns_rr_owner(rr))
                        ldns_rr_set_owner(rr, ldns_dname_new_frm_str(rename.to))
                    }
                }
            }
        case .dropAuthority(let owner):
            let name = DNSName(dnsText: owner)
            Self.filter(copy, LDNS_SECTION_AUTHORITY, where: { LDNSRRList.owner(of: $0) != name })
        case .forge(let removing, let adding):
            Self.filter(copy, LDNS_SECTION_ANSWER) { $0.rawValue != UInt32(removing) }
            for line in adding {
                var rr: UnsafeMutablePointer<ldns_rr>?
                guard ldns_rr_new_frm_str(&rr, line, 300, nil, nil) == LDNS_STATUS_OK, let rr else { fatalError("bad line \(line)") }
                _ = ldns_pkt_push_rr(copy, LDNS_SECTION_ANSWER, rr)
            }
        }
        let rewritten = LDNSPacket(taking: copy).response
        return DNSExchange(query: query, server: exchange.server, outcome: .response(rewritten), milliseconds: exchange.milliseconds)
    }

    private static func filter(_ packet: UnsafeMutablePointer<ldns_pkt>, _ section: ldns_pkt_section, keep: (ldns_rr_type) -> Bool) {
        filter(packet, section, where: { keep(ldns_rr_get_type($0)) })
    }

    private static func filter(_ packet: UnsafeMutablePointer<ldns_pkt>, _ section: ldns_pkt_section,
                               where keep: (UnsafeMutablePointer<ldns_rr>) -> Bool) {
        let list = section == LDNS_SECTION_ANSWER ? ldns_pkt_answer(packet) : ldns_pkt_authority(packet)
        guard let list, let kept = ldns_rr_list_new() else { return }
        for index in 0..<ldns_rr_list_rr_count(list) {
            guard let rr = ldns_rr_list_rr(list, index), keep(rr) else { continue }
            _ = ldns_rr_list_push_rr(kept, ldns_rr_clone(rr))
        }
        ldns_rr_list_deep_free(list)
        let count = UInt16(ldns_rr_list_rr_count(kept))
        if section == LDNS_SECTION_ANSWER {
            ldns_pkt_set_answer(packet, kept)
            ldns_pkt_set_ancount(packet, count)
        } else {
            ldns_pkt_set_authority(packet, kept)
            ldns_pkt_set_nscount(packet, count)
        }
    }
}
