import CLDNS
import Foundation
import Testing
@testable import DaneCore

/// Forgeries that need a valid signature by the wrong key: made in-process with the running
/// sandbox's zone keys (`SandboxZoneKey`, ldns signs) and put in place of the real answers of the
/// non-validating resolver. Each is bogus, never secure or insecure; the real answer is secure.
/// Live: needs the sandbox (DANECHECK_SANDBOX=1), whose keys change at every start.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DANECHECK_SANDBOX"] == "1", "needs the sandbox's keys: DANECHECK_SANDBOX=1"),
       .timeLimit(.minutes(1)))
struct ForgedSignatureTests {
    static let resolver = ResolverTransport(servers: [ResolverAddress(address: IPAddress("127.53.0.3")!)], timeout: 5)

    /// Answers the listed questions ("name TYPE +cd") with the given records, the rest from the resolver.
    struct ForgingTransport: DNSTransport {
        let forged: [String: [String]]

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            guard let answer = forged[query.description] else { return await ForgedSignatureTests.resolver.exchange(query) }
            return DNSExchange(query: query, server: nil, outcome: .response(RecordedPacket.response(ad: false, answer: answer)),
                               milliseconds: 0)
        }
    }

    static func chain(_ name: String, _ type: RecordType, forged: [String: [String]]) async throws -> ChainReport {
        let anchors = try TrustAnchorFile.load(SandboxZoneKey.directory.appendingPathComponent("root.ds").path)
        let validator = LocalValidator(transport: ForgingTransport(forged: forged), anchors: anchors)
        return await validator.chain(DNSName(dnsText: name), type)
    }

    /// Any signed zone signing for any name: h.proof.test's key over an address of
    /// mx.n.proof.test, its sibling's name (RFC 4035 §5.3.1: the signer must be the zone
    /// holding the RRset); and n.proof.test's over mx.proof.test, its parent's.
    @Test(arguments: [("mx.n.proof.test.", "h.proof.test.", "n.proof.test"), ("mx.proof.test.", "n.proof.test.", "proof.test")])
    func aValidSignatureOfAZoneThatDoesNotHoldTheNameIsBogus(name: String, signer: String, holder: String) async throws {
        #expect(try await Self.chain(name, .a, forged: [:]).status == .secure)
        let key = try SandboxZoneKey(zone: signer)
        // The forging key's signatures are good: over a name of its own zone they validate.
        let own = "mx.\(signer) 300 IN A 127.0.66.6"
        #expect(try await Self.chain("mx.\(signer)", .a, forged: ["mx.\(signer) A +cd": [own, try key.sign([own])]]).status == .secure)
        let forged = "\(name) 300 IN A 127.0.66.6"
        let rrsig = try key.sign([forged])
        let report = try await Self.chain(name, .a, forged: ["\(name) A +cd": [forged, rrsig]])
        #expect(report.status == .bogus)
        #expect(report.reason == "the RRSIG over A \(DNSName(dnsText: name).text) names signer \(DNSName(dnsText: signer).text), not a zone holding \(DNSName(dnsText: name).text) in the signed zone \(holder)")
    }

    /// n.proof.test's DNSKEY RRset with an attacker's key added, signed by that key only (the DS
    /// in proof.test points to n's own key; RFC 4035 §5.2), and data signed by it: bogus.
    @Test func aDNSKEYRRsetSignedOnlyByAKeyNoDSPointsToIsBogus() async throws {
        let zone = "n.proof.test."
        let exchange = await Self.resolver.exchange(DNSQuery(name: DNSName(dnsText: zone), type: .dnskey, checkingDisabled: true))
        let response = try #require({ if case .response(let response) = exchange.outcome { response } else { nil } }())
        let packet = try LDNSPacket(wire: try #require(response.wire))
        let published = packet.records(.dnskey, in: LDNS_SECTION_ANSWER).records.map(\.text)
        try #require(published.count == 1)
        let attacker = try SandboxZoneKey(zone: "h.proof.test.", owner: zone)
        let keys = published + [attacker.dnskey]
        let data = "mx.\(zone) 300 IN A 127.0.66.6"
        let report = try await Self.chain("mx.\(zone)", .a, forged: [
            "\(zone) DNSKEY +cd": keys + [try attacker.sign(keys)],
            "mx.\(zone) A +cd": [data, try attacker.sign([data])],
        ])
        #expect(report.status == .bogus)
        let own = try SandboxZoneKey(zone: zone)
        #expect(report.reason == "the DNSKEY RRset of n.proof.test is not signed by the key the DS covers (key tag \(own.tag); signed by \(attacker.tag))")
    }
}
