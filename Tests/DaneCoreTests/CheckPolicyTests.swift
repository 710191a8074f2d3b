import Foundation
import Testing
@testable import DaneCore

/// The Momentum knobs applied to one host, without a network.
@Suite struct CheckPolicyTests {
    static let host = DNSName(dnsText: "mx.example.test")
    static let record = TLSARecord(usage: 3, selector: 1, matchingType: 1, data: [UInt8](repeating: 0xaa, count: 32))

    static func report(tlsa: Lookup?) -> HostReport {
        let a = Lookup(name: host, type: .a, status: .secure, answer: .records([.address(IPAddress("127.0.0.1")!)]), ttl: 60)
        return HostReport(preference: 10, name: host, addressLookups: [a], cnameLookup: nil,
                          tlsa: TLSAReport(skipped: tlsa == nil ? "use_dane is off" : nil, note: nil, candidates: [host],
                                           attempts: tlsa.map { [$0] } ?? []))
    }

    static let usable = report(tlsa: Lookup(name: host.tlsaName(), type: .tlsa, status: .secure, answer: .records([.tlsa(record)]), ttl: 300))
    static let none = report(tlsa: Lookup(name: host.tlsaName(), type: .tlsa, status: .secure, answer: .nxDomain, ttl: 300))

    @Test func daneTakesPrecedenceOverTLSSettings() {
        for tls in CheckPolicy.TLSMode.allCases {
            for verify in CheckPolicy.TLSVerify.allCases {
                let policy = HostPolicyRule.evaluate(Self.usable, mxStatus: .secure, nextHop: nil,
                                                     policy: CheckPolicy(tls: tls, tlsVerify: verify))
                #expect(policy.expectation != nil, "tls=\(tls) tls_verify=\(verify)")
                if case .authenticate = policy {} else { Issue.record("expected authenticate, got \(policy)") }
            }
        }
    }

    @Test func insecureMXGivesTrustWhenDANEIsEnforced() {
        guard case .trust = HostPolicyRule.evaluate(Self.usable, mxStatus: .insecure, nextHop: nil, policy: CheckPolicy(insecureMX: .dane)) else {
            Issue.record("expected trust")
            return
        }
    }

    @Test func enableDANEOffFallsBackToTLSSettings() {
        let policy = HostPolicyRule.evaluate(Self.usable, mxStatus: .secure, nextHop: nil,
                                             policy: CheckPolicy(enableDANE: false, tls: .required))
        #expect(policy == .tlsRequired(reason: "tls=required; no DANE: enable_dane is off"))
    }

    @Test func withoutDANETheTLSModeDecides() {
        func evaluate(_ tls: CheckPolicy.TLSMode, _ verify: CheckPolicy.TLSVerify = .none) -> DANEPolicy {
            HostPolicyRule.evaluate(Self.none, mxStatus: .secure, nextHop: nil, policy: CheckPolicy(tls: tls, tlsVerify: verify))
        }
        let reason = "no TLSA records at _25._tcp.mx.example.test (secure denial)"
        #expect(evaluate(.ifavailable) == .opportunistic(reason: reason))
        #expect(evaluate(.disabled) == .plaintext(reason: "tls=disabled; no DANE: \(reason)"))
        #expect(evaluate(.required) == .tlsRequired(reason: "tls=required; no DANE: \(reason)"))
        #expect(evaluate(.required, .host) == .pkix(PKIXExpectation(caFile: nil, hostname: Self.host), required: true,
                                                    reason: "tls=required tls_verify=host; no DANE: \(reason)"))
        #expect(evaluate(.ifavailable, .ca).requiresTLS == false)
        #expect(evaluate(.disabled).request(host: Self.host).startTLS == false)
    }

    @Test func policyDescribesItself() {
        #expect(CheckPolicy().description == "use_dane=yes enable_dane=yes tls=ifavailable tls_verify=none insecure_mx=may")
        #expect(CheckPolicy(insecureMX: .dane).inspection
                == InspectionOptions(lookUpTLSA: true, tlsaUnderInsecureMX: true, speculativeTLSA: true))
        #expect(CheckPolicy().inspection.tlsaUnderInsecureMX == false)
    }

    @Test func batchInputDedupesAndReportsLines() {
        var input = BatchInput()
        input.add(arguments: ["Example.test", "a..b"])
        input.add(file: "# list\nexample.test\r\nother.test # trailing comment\n\n-bad.test\n", name: "list.txt")
        #expect(input.domains.map(\.text) == ["example.test", "other.test"])
        #expect(input.problems.map(\.description) == [
            "argument 2: invalid domain name 'a..b': empty label",
            "list.txt:5: invalid domain name '-bad.test': label '-bad' starts or ends with a hyphen",
        ])
    }
}

@Suite struct AddressHistoryTests {
    func probe(connect: Double?, delivery: Double?, failed: Bool, at: Date) -> AddressProbe {
        var transcript = SMTPTranscript()
        if failed { transcript.failure = .transport(phase: .greeting, .connect(.refused)) }
        return AddressProbe(address: IPAddress("127.0.0.1")!, port: 25, connectMilliseconds: connect, deliveryMilliseconds: delivery,
                            transcript: transcript, tls: nil, refusedRecords: [], injectedBytes: 0, finishedAt: at)
    }

    @Test func decayedAveragesAndTheLastFailure() {
        let history = AddressHistory()
        let start = Date(timeIntervalSince1970: 1_000)
        history.record(probe(connect: 10, delivery: 100, failed: false, at: start))
        history.record(probe(connect: 20, delivery: 200, failed: false, at: start))
        var stats = history.snapshot[IPAddress("127.0.0.1")!]
        #expect(stats?.connectMilliseconds == 15 && stats?.deliveryMilliseconds == 150 && stats?.failed == false)
        history.record(probe(connect: nil, delivery: nil, failed: true, at: start.addingTimeInterval(5)))
        stats = history.snapshot[IPAddress("127.0.0.1")!]
        #expect(stats?.failed == true && stats?.lastFailure == start.addingTimeInterval(5) && stats?.probes == 3)
        #expect(stats?.connectMilliseconds == 15, "a failed connect does not pull the average down")
    }
}
