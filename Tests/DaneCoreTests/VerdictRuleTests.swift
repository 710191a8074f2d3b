import Foundation
import Testing
@testable import DaneCore

/// Verdicts from recorded probe outcomes (no network): what RFC 7672 says an MTA does.
@Suite struct VerdictRuleTests {
    static let base = DNSName(dnsText: "mx.example.test")
    static let record = TLSARecord(usage: 3, selector: 1, matchingType: 1, data: [UInt8](repeating: 0xaa, count: 32))
    static let expectation = DANEExpectation(baseDomain: base, records: [record])

    func probe(tls: TLSSummary? = nil, offered: Bool = true, failure: SMTPTranscript.Failure? = nil) -> AddressProbe {
        var transcript = SMTPTranscript()
        transcript.greeting = SMTPReply(code: 220, lines: ["mx"])
        transcript.ehlo = SMTPReply(code: 250, lines: ["mx"])
        transcript.starttlsOffered = offered
        transcript.tlsEstablished = tls != nil
        transcript.failure = failure
        return AddressProbe(address: IPAddress("127.0.0.1")!, port: 25, connectMilliseconds: 1, deliveryMilliseconds: tls == nil ? nil : 5,
                            transcript: transcript, tls: tls, refusedRecords: [], injectedBytes: 0, finishedAt: Date())
    }

    func tls(match: DANEMatch?, code: Int = 0, error: String? = nil, chain: [PeerCertificate] = []) -> TLSSummary {
        TLSSummary(version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", chain: chain, verifyCode: code, verifyError: error, daneMatch: match)
    }

    @Test func authenticatedOnlyWhenOpenSSLMatched() {
        let matched = AddressVerdictRule.evaluate(.authenticate(Self.expectation), probe(tls: tls(match: DANEMatch(record: Self.record, depth: 0))))
        #expect(matched.0 == .authenticated)
        #expect(matched.1 == .matched(Self.record, depth: 0, session: "TLSv1.3 TLS_AES_256_GCM_SHA384", trustedBecause: nil))
        #expect(matched.1.description == "3 1 1 matched at depth 0 (TLSv1.3 TLS_AES_256_GCM_SHA384)")
        #expect(matched.1.shortMatch == "3 1 1 at depth 0")
        let unmatched = AddressVerdictRule.evaluate(.authenticate(Self.expectation),
                                                    probe(tls: tls(match: nil, code: 65, error: "no matching DANE TLSA records")))
        #expect(unmatched.0 == .defer)
        #expect(unmatched.1.description.hasPrefix("no TLSA record matches (3 1 1 at depth 0 expected aaaa…, got no certificate)"))
    }

    @Test func mandatoryTLSWithoutSTARTTLSDefers() {
        let usable = AddressVerdictRule.evaluate(.authenticate(Self.expectation), probe(offered: false))
        #expect(usable == (.defer, .withoutTLS(.notOffered, mandatory: "TLS is mandatory: usable TLSA records (RFC 7672 §2.2)", delivers: false)))
        #expect(usable.1.description == "STARTTLS not offered; TLS is mandatory: usable TLSA records (RFC 7672 §2.2)")
        let unusable = AddressVerdictRule.evaluate(.encryptOnly(reason: "none usable"), probe(offered: false))
        #expect(unusable.0 == .defer)
    }

    @Test func opportunisticWithoutSTARTTLSStillDelivers() {
        let result = AddressVerdictRule.evaluate(.opportunistic(reason: "no TLSA"), probe(offered: false))
        #expect(result.0 == .opportunistic)
        #expect(result.1.description == "STARTTLS not offered: an MTA delivers in plaintext; no TLSA")
    }

    @Test func encryptedWhenRecordsAreAllUnusable() {
        let result = AddressVerdictRule.evaluate(.encryptOnly(reason: "TLSA records present but none usable (RFC 7672 §2.2)"),
                                                 probe(tls: tls(match: nil, code: 20)))
        #expect(result.0 == .encrypted)
    }

    @Test func lookupFailureDefersWhateverTheServerDoes() {
        let result = AddressVerdictRule.evaluate(.unusable(reason: "TLSA lookup failed: bogus"),
                                                 probe(tls: tls(match: DANEMatch(record: Self.record, depth: 0))))
        #expect(result == (.defer, .hostUnusable("TLSA lookup failed: bogus")))
    }

    @Test func refusedSTARTTLSUnderDANEDefers() {
        let refusal = SMTPReply(code: 454, lines: ["4.7.0 TLS not available"])
        let result = AddressVerdictRule.evaluate(.authenticate(Self.expectation), probe(failure: .starttlsRefused(refusal)))
        #expect(result.0 == .defer)
        #expect(result.1.description.hasPrefix("STARTTLS refused: 454 4.7.0 TLS not available"))
    }

    @Test func weakerDigestIsMarkedIgnored() {
        let strong = TLSARecord(usage: 3, selector: 1, matchingType: 2, data: [UInt8](repeating: 1, count: 64))
        let marks = RecordMarker.mark([Self.record, strong], tls: nil, refused: [])
        #expect(marks == [.ignoredWeakerDigest(stronger: 2), .notChecked])
        let pkix = TLSARecord(usage: 1, selector: 1, matchingType: 1, data: [UInt8](repeating: 1, count: 32))
        #expect(RecordMarker.mark([pkix], tls: nil, refused: []) == [.unusable(reason: "PKIX-EE, RFC 7672 §3.1.3")])
    }

    @Test func policyFollowsTheTLSALookup() {
        func host(_ tlsa: Lookup?) -> HostReport {
            let a = Lookup(name: Self.base, type: .a, status: .secure, answer: .records([.address(IPAddress("127.0.0.1")!)]), ttl: 60)
            return HostReport(preference: 10, name: Self.base, addressLookups: [a], cnameLookup: nil,
                              tlsa: TLSAReport(skipped: tlsa == nil ? "address records of x are insecure" : nil, note: nil,
                                               candidates: [Self.base], attempts: tlsa.map { [$0] } ?? []))
        }
        let name = Self.base.tlsaName()
        #expect(DANEPolicy.of(host(nil)) == .opportunistic(reason: "TLSA not looked up: address records of x are insecure"))
        let usable = Lookup(name: name, type: .tlsa, status: .secure, answer: .records([.tlsa(Self.record)]), ttl: 300)
        // DANE-EE ignores names: none are passed; DANE-TA gets the host and the next hop.
        #expect(DANEPolicy.of(host(usable), nextHop: DNSName(dnsText: "example.test")).expectation?.extraNames == [])
        let ta = TLSARecord(usage: 2, selector: 1, matchingType: 1, data: [UInt8](repeating: 2, count: 32))
        let taLookup = Lookup(name: name, type: .tlsa, status: .secure, answer: .records([.tlsa(ta)]), ttl: 300)
        #expect(DANEPolicy.of(host(taLookup), nextHop: DNSName(dnsText: "example.test")).expectation?.extraNames
                == [DNSName(dnsText: "example.test")])
        let insecure = Lookup(name: name, type: .tlsa, status: .insecure, answer: .records([.tlsa(Self.record)]), ttl: 300)
        #expect(DANEPolicy.of(host(insecure)) == .opportunistic(reason: "TLSA RRset at _25._tcp.mx.example.test is insecure"))
        let bogus = Lookup(name: name, type: .tlsa, status: .bogus, answer: .failed(reason: "r"), ttl: nil)
        #expect(DANEPolicy.of(host(bogus)) == .unusable(reason: "TLSA lookup for _25._tcp.mx.example.test failed: bogus (r)"))
        let pkix = TLSARecord(usage: 0, selector: 0, matchingType: 1, data: [UInt8](repeating: 1, count: 32))
        let onlyUnusable = Lookup(name: name, type: .tlsa, status: .secure, answer: .records([.tlsa(pkix)]), ttl: 300)
        #expect(DANEPolicy.of(host(onlyUnusable)) == .encryptOnly(reason: "TLSA records present but none usable (RFC 7672 §2.2)"))
    }
}

/// RFC 7672 §2.2.1 in one rule: what DANE is for a host under an MX RRset of each status.
@Suite struct InsecureMXRuleTests {
    @Test func aSecureMXOrNoneGivesDANEInFull() {
        #expect(InsecureMXRule.evaluate(mxStatus: .secure, useTLSA: false) == .dane)
        #expect(InsecureMXRule.evaluate(mxStatus: nil, useTLSA: false) == .dane)
    }

    @Test func anInsecureMXGivesNoDANEOrATrustedMatchByLocalChoice() {
        #expect(InsecureMXRule.evaluate(mxStatus: .insecure, useTLSA: false)
                == .noDANE(reason: "the MX RRset is insecure: DANE does not apply (RFC 7672 §2.2.1)"))
        #expect(InsecureMXRule.evaluate(mxStatus: .insecure, useTLSA: true) == .trustOnly(reason: "MX RRset insecure"))
    }
}
