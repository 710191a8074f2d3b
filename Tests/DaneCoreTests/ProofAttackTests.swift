import CLDNS
import Foundation
import Testing
@testable import DaneCore

/// Answers an attacker on the path could make from the proof zones' real records (recorded,
/// offline, on the recording's clock; `RewritingTransport`): each is bogus, never secure or
/// insecure. The forgeries that need a valid signature by the wrong key are made live, with the
/// sandbox's keys (ForgedSignatureTests).
@Suite(.timeLimit(.minutes(1)))
struct ProofAttackTests {
    static func chain(_ name: String, _ type: RecordType, _ rewrites: [String: RewritingTransport.Rewrite],
                      seed: String) async throws -> ChainReport {
        let transport = RewritingTransport(inner: SandboxFixture.transport, rewrites: rewrites)
        let query = DNSQuery(name: DNSName(dnsText: name), type: type, checkingDisabled: true)
        try await FuzzSeeds.write("proof-attack-\(seed)", query, over: transport)
        return await (try SandboxFixture.validator(over: transport)).chain(query.name, type)
    }

    static func packet(_ question: String) async throws -> LDNSPacket {
        let parts = question.split(separator: " ")
        let query = DNSQuery(name: DNSName(dnsText: String(parts[0])), type: try #require(RecordType(askable: String(parts[1]))),
                             checkingDisabled: true)
        let exchange = await SandboxFixture.transport.exchange(query)
        let wire: [UInt8]? = if case .response(let response) = exchange.outcome { response.wire } else { nil }
        return try LDNSPacket(wire: try #require(wire, "no recorded answer to \(question)"))
    }

    /// An NXDOMAIN in an opt-out zone with the NSEC3 that denies the wildcard removed: the
    /// closest encloser proof alone is no proof (RFC 5155 §8.4), bogus before opt-out is asked.
    @Test(arguments: ["o.proof.test", "t.proof.test"])
    func anOptOutNXDOMAINWithoutItsWildcardProofIsBogusNotInsecure(zone: String) async throws {
        var found: (name: String, encloser: DNSName, wildcardCover: DNSName)?
        for below in ["zz", "zz.mx", "zz.txt", "zz.sub.w"] {
            let name = "\(below).\(zone)."
            let packet = try await Self.packet("\(name) A")
            let proof = ProofRecords(records: packet.proof(signedBy: DNSName(dnsText: zone)).records, zone: DNSName(dnsText: zone))
            guard case .proven(let encloser, let nextCloser) = NSEC3Proof(proof: proof).closestEncloser(DNSName(dnsText: name)),
                  let cover = proof.covering(encloser.prepending("*")), cover.owner != nextCloser.owner else { continue }
            found = (name, encloser, cover.owner)
            break
        }
        let (name, encloser, wildcardCover) = try #require(found, "a name whose wildcard and next closer name lie in different spans")
        let honest = try await Self.chain(name, .a, [:], seed: "optout-nxdomain-complete-\(zone.prefix(1))")
        #expect(honest.status == .insecure, "the complete proof: NXDOMAIN in an opt-out span")
        let report = try await Self.chain(name, .a, ["\(name) A +cd": .dropAuthority(owner: wildcardCover.absolute)],
                                          seed: "optout-nxdomain-without-wildcard-proof-\(zone.prefix(1))")
        #expect(report.status == .bogus)
        #expect(report.reason == "no NSEC3 record proves that *.\(encloser.text) does not exist: NXDOMAIN is not proven")
    }

    /// x.sub.w.n.proof.test is answered from *.sub.w; an attacker replays the expansion of *.w
    /// (valid signatures, RRSIG labels of w.n.proof.test) under the name: the NSEC shows sub.w as
    /// the closest encloser, so *.w cannot have answered (RFC 4035 §5.3.4, RFC 4592 §3.3.1).
    @Test(arguments: [("n", "no NSEC"), ("h", "NSEC3")])
    func aWildcardOtherThanTheOneAtTheClosestEncloserCannotAnswer(zone: String, kind: String) async throws {
        let from = "x.w.\(zone).proof.test.", to = "x.sub.w.\(zone).proof.test."
        let report = try await Self.chain(to, .mx, ["\(to) MX +cd": .answerWith("\(from) MX", rcode: 0, rename: (from, to))],
                                          seed: "wrong-wildcard-\(zone)")
        #expect(report.status == .bogus)
        let expected = zone == "n" ? "the wildcard *.w.n.proof.test is not the one at the closest encloser sub.w.n.proof.test"
            : "no NSEC3 record covers sub.w.h.proof.test, the next closer name of x.sub.w.h.proof.test"
        #expect(report.reason?.contains(expected) == true, "\(kind): \(report.reason ?? "")")
    }

    /// The NSEC owned by *.w.n.proof.test verifies, by the wildcard rule, under any name below
    /// w.n.proof.test; moved to "!.w.n.proof.test" it would cover *.w and b.w, an NXDOMAIN for
    /// b.w.n.proof.test. A denial record cannot be a wildcard expansion (RFC 4035 §5.3.4, §5.4).
    @Test func aReplayedWildcardNSECProvesNoNXDOMAINElsewhere() async throws {
        let report = try await Self.chain("b.w.n.proof.test.", .a, [
            "b.w.n.proof.test. A +cd": .answerWith("x.w.n.proof.test. A", rcode: 3, rename: ("*.w.n.proof.test.", "!.w.n.proof.test.")),
        ], seed: "replayed-wildcard-nsec-nxdomain")
        #expect(report.status == .bogus)
        #expect(report.reason == "RRSIG over NSEC !.w.n.proof.test is a wildcard expansion: a denial record cannot be")
    }

    /// The child's own apex NSEC/NSEC3 (SOA set, DS clear) answering for its DS: it is signed by
    /// the child, which cannot speak for the parent's side of the cut (RFC 6840 §4.1, RFC 4035 §2.4).
    @Test(arguments: ["n.proof.test.", "h.proof.test."])
    func aChildsOwnApexRecordDeniesNoDS(zone: String) async throws {
        let report = try await Self.chain(zone, .ds, ["\(zone) DS +cd": .answerWith("\(zone) TXT", rcode: 0)], seed: "child-apex-denies-ds-\(zone.prefix(1))")
        #expect(report.status == .bogus)
        #expect(report.reason == "no NSEC/NSEC3 proof for the absence of DS at \(DNSName(dnsText: zone).text) in the signed zone proof.test")
    }

    /// The same record read as a proof in its own right: the rule itself, not only the signer check.
    @Test(arguments: ["n.proof.test.", "h.proof.test."])
    func theChildsApexRecordIsNoProofOfAbsentDS(zone: String) async throws {
        let name = DNSName(dnsText: zone)
        let packet = try await Self.packet("\(zone) TXT")
        let apex = packet.proof(signedBy: name).records
        try #require(!apex.isEmpty)
        let result = DenialProof.check(name, .ds, nxDomain: false, records: apex, zone: name)
        let kind = zone.hasPrefix("n") ? "NSEC" : "NSEC3"
        #expect(result == .unproven("the \(kind) record at \(name.text) is the child zone's own (SOA): it cannot deny the DS in the parent (RFC 6840 §4.1)"))
    }

    /// A name at or below an unsigned delegation, answered with the parent's proof that the
    /// delegation has no DS (its DS answer, as a server may add it to a CNAME or a referral): the
    /// name lies in an unsigned zone, insecure (RFC 4035 §5.2, RFC 5155 §8.9; RFC 6840 §4.1 only
    /// keeps such a record from denying names below the cut). In t.proof.test the delegation has
    /// no NSEC3: its opt-out span says the same (RFC 5155 §8.6).
    @Test(arguments: [
        ("n", "zz.mx.deleg.n.proof.test.", "zz.mx.deleg.n.proof.test lies below deleg.n.proof.test, which the NSEC record of its parent shows delegated without DS: unsigned (RFC 4035 §5.2)"),
        ("n", "deleg.n.proof.test.", "the NSEC record of its parent shows deleg.n.proof.test delegated without DS: unsigned (RFC 4035 §5.2)"),
        ("h", "zz.mx.deleg.h.proof.test.", "zz.mx.deleg.h.proof.test lies below deleg.h.proof.test, which the NSEC3 record of its parent shows delegated without DS: unsigned (RFC 4035 §5.2)"),
        ("h", "deleg.h.proof.test.", "the NSEC3 record of its parent shows deleg.h.proof.test delegated without DS: unsigned (RFC 4035 §5.2)"),
        ("o", "zz.mx.deleg.o.proof.test.", "zz.mx.deleg.o.proof.test lies below deleg.o.proof.test, which the NSEC3 record of its parent shows delegated without DS: unsigned (RFC 4035 §5.2)"),
        ("t", "zz.mx.deleg.t.proof.test.", "zz.mx.deleg.t.proof.test lies in an NSEC3 opt-out span of t.proof.test"),
    ])
    func aNameAtOrBelowAnUnsignedDelegationIsInsecureByItsParentsProof(zone: String, name: String, reason: String) async throws {
        let delegation = "deleg.\(zone).proof.test."
        let report = try await Self.chain(name, .mx, ["\(name) MX +cd": .answerWith("\(delegation) DS", rcode: 0)],
                                          seed: "parent-proves-unsigned-\(zone)-\(DNSName(dnsText: name).labelCount)")
        #expect(report.status == .insecure)
        #expect(report.reason?.hasPrefix(reason) == true, "\(report.reason ?? "")")
    }

    /// dn.n.proof.test is a DNAME to h.proof.test; an unsigned CNAME beside it that is not its
    /// synthesis (to n.proof.test instead) stands on nothing: it is unsigned data in a signed zone
    /// (RFC 6672 §5.3.1: the validator checks "that the CNAME was properly synthesized").
    @Test func aCNAMEThatIsNotTheDNAMEsSynthesisIsUnsignedData() async throws {
        let name = "mx.dn.n.proof.test."
        let report = try await Self.chain(name, .a, ["\(name) A +cd": .forge(removing: 5, adding: ["\(name) 300 IN CNAME mx.n.proof.test."])],
                                          seed: "dname-unsynthesized-cname")
        #expect(report.status == .bogus)
        #expect(report.reason == "no RRSIG over CNAME mx.dn.n.proof.test in the signed zone n.proof.test")
    }

    /// inner.island.proof.test lies below an unsigned delegation (island has no DS) and has an
    /// anchor of its own. An RRSIG naming island.proof.test as signer needs no key to forge (that
    /// zone is insecure from the root): it proves nothing under the closer anchor, and the forged
    /// address is bogus there, not insecure.
    @Test func anUnsignedZonesRRSIGProvesNothingUnderACloserAnchor() async throws {
        let inner = try SandboxFixture.nestedAnchors.filter { $0.zone == DNSName(dnsText: "inner.island.proof.test") }
        try #require(inner.count == 1)
        let anchors = try SandboxFixture.rootAnchors + inner
        let name = "mx.inner.island.proof.test."
        #expect(await (try SandboxFixture.validator(anchors: anchors)).chain(DNSName(dnsText: name), .a).status == .secure)
        let forged = ["\(name) 300 IN A 127.0.66.6", "\(name) 300 IN RRSIG A 13 5 300 20370101000000 20200101000000 4242 island.proof.test. "
                      + Data(repeating: 7, count: 64).base64EncodedString()]
        let transport = RewritingTransport(inner: SandboxFixture.transport, rewrites: ["\(name) A +cd": .forge(removing: 46, adding: forged)])
        try await FuzzSeeds.write("proof-attack-unsigned-signer-under-anchor", DNSQuery(name: DNSName(dnsText: name), type: .a, checkingDisabled: true),
                                  over: transport)
        let report = await (try SandboxFixture.validator(anchors: anchors, over: transport)).chain(DNSName(dnsText: name), .a)
        #expect(report.status == .bogus)
        #expect(report.reason == "the RRSIG over A mx.inner.island.proof.test names signer island.proof.test, not a zone holding mx.inner.island.proof.test in the signed zone inner.island.proof.test")
    }

    /// An RRSIG of another zone (n.proof.test's over its own mx A, moved onto h.proof.test's mx):
    /// its signer cannot hold the name, so it counts for nothing (RFC 4035 §5.3.1).
    @Test func anRRSIGOfAZoneThatDoesNotHoldTheNameCountsForNothing() async throws {
        let foreign = try await Self.packet("mx.n.proof.test. A").records(.rrsig, in: LDNS_SECTION_ANSWER).records
        let line = try #require(foreign.first?.text).replacingOccurrences(of: "mx.n.proof.test.", with: "mx.h.proof.test.", options: .anchored)
        let report = try await Self.chain("mx.h.proof.test.", .a, ["mx.h.proof.test. A +cd": .forge(removing: 46, adding: [line])],
                                          seed: "foreign-signer")
        #expect(report.status == .bogus)
        #expect(report.reason == "the RRSIG over A mx.h.proof.test names signer n.proof.test, not a zone holding mx.h.proof.test in the signed zone h.proof.test")
    }
}
