import Foundation
import Testing

/// A network that blocks outbound port 25: the sandbox's nftables table drops TCP port 25 for
/// uid 65534 and rejects it (TCP reset) for uid 64025, everything else (DNS) passing; danecheck
/// runs under those uids with setpriv. The run says once that port 25 looks blocked here, keeps
/// every address's own facts, and exits 3 (nothing was learned of the servers).
@Suite(.sandbox) struct OutboundPortTests {
    static let domains = ["ee311.mx.dane.test", "ta-inter.mx.dane.test"]

    func run(uid: Int, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await CLI.tool("/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", CLI.executable.path]
                           + arguments + ["--resolver", Sandbox.validating, "--timeout", "2"], input: "")
    }

    @Test(arguments: [(65534, "2 timed out", "timeout after 2s waiting for the TCP connection"),
                      (64025, "2 refused", "connect failed: Connection refused")])
    func aBlockedPortIsNamedOnceAndTheFactsStay(uid: Int, how: String, fact: String) async throws {
        let result = try await run(uid: uid, ["check"] + Self.domains)
        let warnings = result.output.split(separator: "\n").filter { $0.contains("outbound port 25") }
        #expect(warnings == ["danecheck: warning: outbound port 25 of this network looks blocked: all 2 connections failed before TCP "
                             + "was established (\(how): [127.0.10.1]:25 (ee311.dane.test), [127.0.10.10]:25 (ta-inter.dane.test)) "
                             + "while DNS answered; the deferrals say nothing of the remote servers "
                             + "(run danecheck where mail can leave, or ask the network's operator)"]
                || warnings == ["danecheck: warning: outbound port 25 of this network looks blocked: all 2 connections failed before TCP "
                             + "was established (\(how): [127.0.10.10]:25 (ta-inter.dane.test), [127.0.10.1]:25 (ee311.dane.test)) "
                             + "while DNS answered; the deferrals say nothing of the remote servers "
                             + "(run danecheck where mail can leave, or ask the network's operator)"], "\(result.output)")
        #expect(result.output.contains("ee311.mx.dane.test: defer: ee311.dane.test: \(fact)\n"))
        #expect(result.output.contains("ta-inter.mx.dane.test: defer: ta-inter.dane.test: \(fact)\n"))
        #expect(result.status == 3, "indeterminate: nothing was learned of the servers")
    }

    @Test func jsonCarriesItInTheSummaryAndDomainProbeSaysItToo() async throws {
        let json = try await run(uid: 65534, ["check", "--json"] + Self.domains)
        let body = String(json.output[try #require(json.output.firstIndex(of: "{"))...(try #require(json.output.lastIndex(of: "}")))])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let warnings = (object["summary"] as? [String: Any])?["warnings"] as? [[String: Any]]
        #expect(warnings?.map { $0["kind"] as? String } == ["outbound-port-blocked"])
        #expect(try await JSONSchemaTests.validate(body, definition: "check").status == 0)
        // example.test: two hosts, three addresses.
        let domain = try await run(uid: 65534, ["domain", "--probe", "example.test"])
        #expect(domain.output.contains("outbound port 25 of this network looks blocked: all 3 connections failed"), "\(domain.output)")
        #expect(domain.status == 3)
    }

    @Test func thinEvidenceOrOneConnectionMadeSaysNothing() async throws {
        // One host: a dead host and a blocked network look the same.
        let one = try await run(uid: 65534, ["check", "ee311.mx.dane.test"])
        #expect(!one.output.contains("outbound port 25"))
        #expect(one.status == 1)
        // Not blocked (this process's uid): the same domains connect.
        let open = try await CLI.run(["check"] + Self.domains + ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(!open.stderr.contains("outbound port 25"))
        #expect(open.status == 0)
        // A host that accepts the connection and never greets is the server's fault, not the network's.
        let silent = try await CLI.run(["check", "h-silent.mx.dane.test", "notlsa.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", "2"])
        #expect(!silent.stderr.contains("outbound port 25"))
        #expect(silent.status == 1)
        #expect(silent.stdout.contains("h-silent.mx.dane.test: defer: h-silent.dane.test: timeout after 2s waiting for the greeting (nothing received)"), "\(silent.stdout)")
    }
}
