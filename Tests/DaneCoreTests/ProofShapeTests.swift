import Foundation
import Testing
@testable import DaneCore

/// Every proof shape of the sandbox's proof zones (sandbox/proofzones.sh), validated offline
/// from the recorded answers on the recording's clock: the status a reference validator gives
/// (DifferentialValidationTests compares with Unbound live) and the reason. n.proof.test is
/// signed with NSEC, h with NSEC3, o with NSEC3 opt-out (every name hashed), t with NSEC3 opt-out
/// whose unsigned delegations have no NSEC3 (true opt-out spans); each CNAMEs to the next of the
/// ring n → h → o → t → n.
@Suite(.timeLimit(.minutes(1)))
struct ProofShapeTests {
    enum Anchors: String, Sendable {
        /// The root's anchor.
        case root
        /// The root's and those beside it: n (redundant), h (algorithm 200, ignored), island,
        /// badds (its own key), revoked (without the REVOKE bit), ghost.n (absent), deleg.n (unsigned).
        case nested
        /// n, island and t only.
        case deep

        func load() throws -> [TrustAnchor] {
            switch self {
            case .root: try SandboxFixture.rootAnchors
            case .nested: try SandboxFixture.nestedAnchors
            case .deep: try SandboxFixture.deepAnchors
            }
        }
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        let label: String
        let name: String
        let type: RecordType
        let anchors: Anchors
        let status: SecurityStatus
        /// A part of the reason (for anything but secure).
        let because: String?

        init(_ label: String, _ name: String, _ type: RecordType, _ status: SecurityStatus, anchors: Anchors = .root,
             because: String? = nil) {
            (self.label, self.name, self.type, self.anchors, self.status, self.because) = (label, name, type, anchors, status, because)
        }

        var testDescription: String { "\(label): \(name) \(type) (\(anchors.rawValue) anchors) is \(status)" }
    }

    static let shapes: [Shape] = [
        // NXDOMAIN (RFC 4035 §3.1.3.2, RFC 5155 §8.4)
        Shape("nxdomain-nsec", "zz.n.proof.test", .a, .secure),
        Shape("nxdomain-nsec3", "zz.h.proof.test", .a, .secure),
        Shape("nxdomain-nsec3-optout", "zz.o.proof.test", .a, .insecure, because: "lies in an NSEC3 opt-out span of o.proof.test: NXDOMAIN, insecure (RFC 5155 §9.2)"),
        Shape("nxdomain-nsec3-optout-span", "zz.t.proof.test", .a, .insecure, because: "opt-out span of t.proof.test: NXDOMAIN"),
        // Wildcard answers (RFC 4035 §5.3.4, RFC 5155 §8.8, §9.2)
        Shape("wildcard-answer-nsec", "x.w.n.proof.test", .mx, .secure),
        Shape("wildcard-answer-nsec3", "a.b.w.h.proof.test", .mx, .secure),
        Shape("wildcard-answer-nsec3-optout", "x.w.o.proof.test", .mx, .insecure,
              because: "x.w.o.proof.test was expanded from a wildcard, and its next closer name lies in an NSEC3 opt-out span of o.proof.test"),
        Shape("wildcard-answer-nsec3-optout-span", "x.w.t.proof.test", .txt, .insecure, because: "expanded from a wildcard"),
        Shape("wildcard-owner", "*.w.n.proof.test", .mx, .secure),
        Shape("wildcard-owner-nsec3", "*.sub.w.h.proof.test", .txt, .secure),
        // Wildcard NODATA (RFC 4035 §3.1.3.4, RFC 5155 §8.7)
        Shape("wildcard-nodata-nsec", "x.sub.w.n.proof.test", .mx, .secure),
        Shape("wildcard-nodata-nsec3", "x.sub.w.h.proof.test", .mx, .secure),
        Shape("wildcard-nodata-nsec3-optout", "x.sub.w.o.proof.test", .mx, .insecure, because: "opt-out span of o.proof.test"),
        // NODATA at an empty non-terminal (RFC 5155 §8.5, §8.6)
        Shape("ent-nodata-nsec", "ent.n.proof.test", .a, .secure),
        Shape("ent-nodata-nsec3", "ent.h.proof.test", .mx, .secure),
        Shape("ent-nodata-nsec3-optout-span", "y.deep.t.proof.test", .mx, .insecure,
              because: "y.deep.t.proof.test lies in an NSEC3 opt-out span of t.proof.test"),
        Shape("ent-nodata-nsec3-optout-span-top", "deep.t.proof.test", .a, .insecure, because: "(RFC 5155 §8.6, §9.2)"),
        // Unsigned delegations proven by the parent (RFC 4035 §5.2, RFC 5155 §8.9, §9.2)
        Shape("unsigned-below-nsec", "mx.deleg.n.proof.test", .a, .insecure, because: "deleg.n.proof.test is delegated from n.proof.test without DS"),
        Shape("unsigned-below-nsec3", "mx.deleg.h.proof.test", .a, .insecure, because: "deleg.h.proof.test is delegated from h.proof.test without DS"),
        Shape("unsigned-below-nsec3-optin", "mx.deleg.o.proof.test", .tlsa, .insecure, because: "delegated from o.proof.test without DS"),
        Shape("unsigned-below-nsec3-optout-span", "mx.deleg.t.proof.test", .a, .insecure, because: "opt-out span of t.proof.test"),
        Shape("unsigned-ds-denial-optout-span", "deleg.t.proof.test", .ds, .insecure, because: "opt-out span of t.proof.test"),
        Shape("cname-into-unsigned", "c-uns.n.proof.test", .txt, .insecure, because: "deleg.h.proof.test is delegated from h.proof.test without DS"),
        Shape("cname-back-from-unsigned", "back.deleg.n.proof.test", .a, .insecure, because: "deleg.n.proof.test is delegated"),
        // DS through a CNAME (RFC 4035 §2.4, §5.3): every link counts
        Shape("ds-via-cname", "c-other.n.proof.test", .ds, .secure),
        Shape("ds-via-cname-into-optout-span", "c-deleg.o.proof.test", .ds, .insecure, because: "opt-out span of t.proof.test"),
        // CNAME chains across zones: each link proven with its own zone's keys (RFC 4035 §5.4)
        Shape("cname-to-nxdomain", "c-nx.n.proof.test", .a, .secure),
        Shape("cname-to-wildcard", "c-wild.n.proof.test", .mx, .secure),
        Shape("wildcard-cname-to-nodata", "x.wc.n.proof.test", .txt, .secure),
        Shape("wildcard-cname-to-nxdomain", "x.wcnx.n.proof.test", .a, .secure),
        Shape("wildcard-cname-to-wildcard", "a.b.wcw.n.proof.test", .mx, .secure),
        Shape("wildcard-cname-to-optout-nxdomain", "x.wcnx.h.proof.test", .a, .insecure, because: "opt-out span of o.proof.test"),
        Shape("wildcard-cname-in-optout", "x.wc.o.proof.test", .a, .insecure, because: "x.wc.o.proof.test was expanded from a wildcard"),
        // DNAME (RFC 6672 §5.3.1): the synthesised CNAME stands on the DNAME's signature
        Shape("dname", "mx.dn.n.proof.test", .a, .secure),
        Shape("dname-to-nxdomain", "zz.dn.n.proof.test", .mx, .secure),
        Shape("dname-to-wildcard", "x.w.dn.h.proof.test", .mx, .insecure, because: "opt-out span of o.proof.test"),
        // DS records of algorithms or digests that are not validated (RFC 4035 §5.2, RFC 6840 §5.2)
        Shape("ds-unknown-algorithm", "mx.unkds.proof.test", .a, .insecure, because: "use only algorithms or digest types that are not validated"),
        Shape("ds-unknown-digest", "mx.unkdigest.proof.test", .a, .insecure, because: "use only algorithms or digest types that are not validated"),
        Shape("no-ds", "mx.island.proof.test", .a, .insecure, because: "island.proof.test is delegated from proof.test without DS"),
        Shape("wrong-ds", "mx.badds.proof.test", .a, .bogus, because: "no DNSKEY in badds.proof.test matches DS key tag"),
        // Trust anchors at odd places
        Shape("anchored-island", "mx.island.proof.test", .a, .secure, anchors: .nested),
        Shape("anchored-below-unsigned-delegation", "mx.inner.island.proof.test", .a, .secure, anchors: .nested),
        Shape("signed-below-unsigned-delegation", "mx.inner.island.proof.test", .a, .insecure,
              because: "island.proof.test is delegated from proof.test without DS"),
        Shape("anchored-despite-wrong-ds", "mx.badds.proof.test", .a, .secure, anchors: .nested),
        Shape("ds-of-anchored-child-signed-by-parent", "badds.proof.test", .ds, .secure, anchors: .nested),
        Shape("ds-denial-of-anchored-island", "island.proof.test", .ds, .secure, anchors: .nested),
        Shape("ds-of-redundantly-anchored-zone", "n.proof.test", .ds, .secure, anchors: .nested),
        Shape("anchor-of-unknown-algorithm-ignored", "mx.h.proof.test", .a, .secure, anchors: .nested),
        Shape("anchor-at-absent-name", "ghost.n.proof.test", .a, .secure, anchors: .nested),
        Shape("anchor-at-absent-name-below", "x.ghost.n.proof.test", .mx, .secure, anchors: .nested),
        Shape("anchor-at-unsigned-zone", "mx.deleg.n.proof.test", .a, .bogus, anchors: .nested, because: "no DNSKEY at deleg.n.proof.test"),
        Shape("cname-into-anchored-unsigned-zone", "c-uns.t.proof.test", .ds, .bogus, anchors: .nested, because: "no DNSKEY at deleg.n.proof.test"),
        Shape("anchor-below-root-only", "mx.n.proof.test", .a, .secure, anchors: .deep),
        Shape("ds-above-every-anchor", "n.proof.test", .ds, .insecure, anchors: .deep, because: "no trust anchor covers n.proof.test"),
        Shape("outside-every-anchor", "mx.h.proof.test", .a, .insecure, anchors: .deep, because: "no trust anchor covers mx.h.proof.test"),
        Shape("anchored-opt-out-zone", "x.w.t.proof.test", .mx, .insecure, anchors: .deep, because: "opt-out span of t.proof.test"),
    ]

    @Test(arguments: shapes)
    func eachShapeHasTheReferenceValidatorsStatus(shape: Shape) async throws {
        let validator = try SandboxFixture.validator(anchors: shape.anchors.load())
        let report = await validator.chain(try DNSName(validatingOwner: shape.name), shape.type)
        #expect(report.status == shape.status, "\(report.reason ?? "")")
        if let because = shape.because {
            #expect(report.reason?.contains(because) == true, "\(report.reason ?? "")")
        } else {
            #expect(report.reason == nil)
        }
        try await FuzzSeeds.write("proof-\(shape.label)", DNSQuery(name: report.name, type: shape.type, checkingDisabled: true),
                                  over: SandboxFixture.transport)
    }

    @Test func anAnchorOfOnlyAnUnknownAlgorithmIsIgnoredAndNamedInTheReason() async throws {
        let unknown = try SandboxFixture.nestedAnchors.filter { $0.zone == DNSName(dnsText: "h.proof.test") }
        try #require(unknown.count == 1)
        let validator = try SandboxFixture.validator(anchors: unknown)
        let report = await validator.chain(DNSName(dnsText: "mx.h.proof.test"), .a)
        #expect(report.status == .insecure)
        #expect(report.reason == "no trust anchor covers mx.h.proof.test (the trust anchor for h.proof.test is ignored: it uses only algorithms or digest types that are not validated, RFC 4035 §5.2)")
    }

    @Test func aKeyWithTheRevokeBitIsNoTrustAnchor() async throws {
        // The anchor is the key without the REVOKE bit (RFC 5011 §2.1); the zone publishes it
        // with the bit set and signs its keys with it.
        let validator = try SandboxFixture.validator(anchors: SandboxFixture.nestedAnchors)
        let report = await validator.chain(DNSName(dnsText: "mx.revoked.proof.test"), .a)
        #expect(report.status == .bogus)
        #expect(report.reason?.hasPrefix("no DNSKEY in revoked.proof.test matches trust anchor key tag") == true, "\(report.reason ?? "")")
        let zone = try #require(report.steps.first { $0.kind == .zone && $0.name.text == "revoked.proof.test" })
        let published = try #require(zone.keys.first { $0.kind == .dnskey })
        #expect(published.detail & 0x0080 != 0, "the published key has the REVOKE bit")
        #expect(!published.matched)
        try await FuzzSeeds.write("proof-revoked-key-as-anchor", DNSQuery(name: DNSName(dnsText: "revoked.proof.test"), type: .dnskey,
                                                                            checkingDisabled: true), over: SandboxFixture.transport)
    }
}
