import Foundation
import Testing

/// A network that blocks outbound port 25: the sandbox's nftables table drops TCP port 25 for
/// uid 65534 and rejects it (TCP reset) for uid 64025, everything else (DNS, and port 25 of
/// 127.0.10.2, ee312.dane.test) passing; danecheck runs under those uids with setpriv. The claim
/// needs failures across domains whose MX hosts are unrelated (ee311.dane.test and
/// mx1/mx2.example.test); one domain's dead hosts (many.test: 100 hosts that refuse) or domains
/// of one provider (dane.test) are no evidence about this network, and one connection made
/// withdraws it.
@Suite(.sandbox) struct OutboundPortTests {
    /// Two domains whose MX hosts are unrelated: dane.test and example.test (4 addresses in all).
    static let unrelated = ["ee311.mx.dane.test", "example.test"]

    func run(uid: Int, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await CLI.tool("/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", CLI.executable.path]
                           + arguments + ["--resolver", Sandbox.validating, "--timeout", "2"], input: "")
    }

    func claims(_ output: String) -> [Substring] { output.split(separator: "\n").filter { $0.contains("outbound port 25") } }

    @Test(arguments: [(65534, "4 timed out", "timeout after 2s waiting for the TCP connection"),
                      (64025, "4 refused", "connect failed: Connection refused")])
    func unrelatedDomainsBlockedAreNamedOnceAndTheFactsStay(uid: Int, how: String, fact: String) async throws {
        let result = try await run(uid: uid, ["check"] + Self.unrelated)
        let tried = ["[127.0.10.1]:25 (ee311.dane.test)", "[127.0.1.1]:25 (mx1.example.test)"]
        let expected = [tried, tried.reversed()].map { order in
            "danecheck: warning: outbound port 25 of this network looks blocked: all 4 connections failed before TCP "
                + "was established, to the MX hosts of unrelated domains (\(how): \(order.joined(separator: ", ")) and 2 more) "
                + "while DNS answered; the deferrals say nothing of the remote servers "
                + "(run danecheck where mail can leave, or ask the network's operator)"
        }
        let warnings = claims(result.output)
        #expect(warnings.count == 1 && expected.contains(String(warnings[0])), "\(result.output)")
        #expect(result.output.contains("ee311.mx.dane.test: defer: ee311.dane.test: \(fact)\n"), "\(result.output)")
        #expect(result.output.contains("example.test: defer: every MX host defers: "), "\(result.output)")
        #expect(result.status == 3, "indeterminate: nothing was learned of the servers")
    }

    @Test func jsonCarriesItInTheSummaryAndDomainProbeOfOneDomainClaimsNothing() async throws {
        let json = try await run(uid: 65534, ["check", "--json"] + Self.unrelated)
        let body = String(json.output[try #require(json.output.firstIndex(of: "{"))...(try #require(json.output.lastIndex(of: "}")))])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let warnings = (object["summary"] as? [String: Any])?["warnings"] as? [[String: Any]]
        #expect(warnings?.map { $0["kind"] as? String } == ["outbound-port-blocked"])
        #expect(try await JSONSchemaTests.validate(body, definition: "check").status == 0)
        // example.test alone (two hosts, three addresses): its hosts' facts, a deferral.
        let domain = try await run(uid: 65534, ["domain", "--probe", "example.test"])
        #expect(claims(domain.output).isEmpty, "\(domain.output)")
        #expect(domain.output.contains("timeout after 2s waiting for the TCP connection"), "\(domain.output)")
        #expect(domain.status == 1)
    }

    @Test func oneDomainWithManyDeadHostsOrOneProvidersDomainsClaimNothing() async throws {
        // many.test: 100 MX hosts, nothing listening (really refused here, no firewall).
        let many = try await CLI.run(["check", "many.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(!many.stderr.contains("outbound port 25"), "\(many.stderr)")
        #expect(many.stdout.hasPrefix("many.test: defer: every MX host defers: all 100 hosts: "), "\(many.stdout)")
        #expect(many.status == 1, "a deferral, not indeterminate")
        // The same through the firewall: one domain is no evidence about this network.
        let blocked = try await run(uid: 64025, ["check", "many.test"])
        #expect(claims(blocked.output).isEmpty, "\(blocked.output)")
        #expect(blocked.status == 1)
        // Two domains whose hosts share a registrable domain (dane.test): one provider down looks the same.
        let related = try await run(uid: 64025, ["check", "ee311.mx.dane.test", "ta-inter.mx.dane.test"])
        #expect(claims(related.output).isEmpty, "\(related.output)")
        #expect(related.output.contains("ta-inter.mx.dane.test: defer: ta-inter.dane.test: connect failed: Connection refused\n"))
        #expect(related.status == 1)
    }

    @Test func theSameBatchWithOneReachableDomainClaimsNothing() async throws {
        // ee312.dane.test (127.0.10.2) is let through the firewall.
        let result = try await run(uid: 65534, ["check"] + Self.unrelated + ["ee312.mx.dane.test"])
        #expect(claims(result.output).isEmpty, "\(result.output)")
        #expect(result.output.contains("ee311.mx.dane.test: defer: ee311.dane.test: timeout after 2s waiting for the TCP connection\n"))
        #expect(!result.output.contains("ee312.mx.dane.test: defer"), "\(result.output)")
        #expect(result.status == 1, "deferrals; the network lets port 25 out")
    }

    @Test func thinEvidenceOrOneConnectionMadeSaysNothing() async throws {
        // One host: a dead host and a blocked network look the same.
        let one = try await run(uid: 65534, ["check", "ee311.mx.dane.test"])
        #expect(!one.output.contains("outbound port 25"))
        #expect(one.status == 1)
        // Not blocked (this process's uid): the same domains connect.
        let open = try await CLI.run(["check", "ee311.mx.dane.test", "ta-inter.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(!open.stderr.contains("outbound port 25"))
        #expect(open.status == 0)
        // A host that accepts the connection and never greets is the server's fault, not the network's.
        let silent = try await CLI.run(["check", "h-silent.mx.dane.test", "notlsa.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", "2"])
        #expect(!silent.stderr.contains("outbound port 25"))
        #expect(silent.status == 1)
        #expect(silent.stdout.contains("h-silent.mx.dane.test: defer: h-silent.dane.test: timeout after 2s waiting for the greeting (nothing received)"), "\(silent.stdout)")
    }
}
