import Foundation
import Testing
@testable import DaneCore

/// The stale-record warning of `RolloverHealthRule` from recorded probes (no network): a server
/// that holds an ECDSA and an RSA certificate, each with its 3 1 1 record. The default handshake
/// gets the ECDSA one; what the RSA handshake found decides whether the RSA record is stale.
@Suite struct RolloverStaleRuleTests {
    static let ecLeaf = leaf(key: [0x0e, 0xc0])
    static let rsaLeaf = leaf(key: [0x25, 0xa0])
    static let records = [ecLeaf, rsaLeaf].map { TLSARecord(usage: 3, selector: 1, matchingType: 1, data: Digest.sha256($0.publicKeyDER)) }

    static func leaf(key: [UInt8]) -> PeerCertificate {
        PeerCertificate(depth: 0, subject: "CN = mx.example.test", issuer: "CN = CA", notBefore: .distantPast, notAfter: .distantFuture,
                        names: ["mx.example.test"], certificateDER: key + [1], publicKeyDER: key)
    }

    static func probe(_ leaf: PeerCertificate?, failure: SMTPTranscript.Failure? = nil) -> AddressProbe {
        let tls = leaf.map { leaf in
            TLSSummary(version: "TLSv1.3", cipher: "X", keyType: leaf == ecLeaf ? "EC" : "RSA", chain: [leaf], verifyCode: 0, verifyError: nil,
                       daneMatch: DANEMatch(record: records[leaf == ecLeaf ? 0 : 1], depth: 0))
        }
        return VerdictRuleTests().probe(tls: tls, failure: failure)
    }

    /// The warning kinds for the host when the RSA handshake gave `rsa`.
    static func kinds(rsa: AddressProbe) -> [RolloverWarning.Kind] {
        let policy = DANEPolicy.authenticate(DANEExpectation(baseDomain: DNSName(dnsText: "mx.example.test"), records: records))
        let finding = KeyTypeRule.evaluate(.rsa, rsa, policy: policy)
        let other = KeyTypeReport(keyType: .rsa, probe: rsa, finding: finding, marks: RecordMarker.mark(records, tls: rsa.tls, refused: []))
        let main = probe(ecLeaf)
        let address = AddressReport(probe: main, verdict: .authenticated, cause: .noSession(nil), marks: RecordMarker.mark(records, tls: main.tls, refused: []),
                                    keyTypes: [other])
        let report = HostProbeReport(host: nil, name: DNSName(dnsText: "mx.example.test"), policy: policy, records: records,
                                     recordsGiven: false, addresses: [address])
        return RolloverHealthRule.evaluate(report, settings: RolloverSettings(), now: Date()) { _ in false }.map(\.kind)
    }

    @Test func theRSARecordMatchedByTheRSAHandshakeIsNotStale() {
        #expect(Self.kinds(rsa: Self.probe(Self.rsaLeaf)).isEmpty)
    }

    @Test func withoutAnRSACertificateTheRSARecordIsStale() {
        let refused = Self.probe(nil, failure: .transport(phase: .handshake, .tls("handshake failure")))
        #expect(KeyTypeRule.evaluate(.rsa, refused, policy: .opportunistic(reason: "")) == .notHeld)
        #expect(Self.kinds(rsa: refused) == [.stale])
    }

    /// A timeout says nothing about the RSA certificate: the record may match it.
    @Test func anRSAHandshakeThatTimedOutMakesNoRecordStale() {
        let timedOut = Self.probe(nil, failure: .transport(phase: .handshake, .timeout(phase: "the TLS handshake", seconds: 3, detail: "")))
        guard case .unchecked = KeyTypeRule.evaluate(.rsa, timedOut, policy: .opportunistic(reason: "")) else {
            Issue.record("a timeout is not a finding")
            return
        }
        #expect(Self.kinds(rsa: timedOut).isEmpty)
    }
}
