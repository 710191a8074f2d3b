import Foundation
import Testing

/// MTA-STS beside DANE against the sandbox's nginx (policies under the sandbox CA).
@Suite(.sandbox)
struct MTASTSTests {
    static let root = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/root.pem").path

    static func check(_ domain: String, _ extra: [String] = ["--mta-sts", "--ca-file", root]) async throws -> (CLI.Result, [String: Any]) {
        let result = try await CLI.run(["check", "--json", domain, "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (result, try #require((json["domains"] as? [[String: Any]])?.first))
    }

    @Test func domainShowsThePolicyInMomentumsLayout() async throws {
        let result = try await CLI.run(["domain", "dane.sts.test", "--ca-file", Self.root, "--resolver", Sandbox.validating])
        #expect(result.status == 0)
        let tail = Array(result.lines.drop { !$0.hasPrefix("Domain 'dane.sts.test' has MTA-STS TXT") }.prefix(6))
        try #require(tail.count == 6, "\(result.stdout)")
        #expect(tail[0].hasPrefix("Domain 'dane.sts.test' has MTA-STS TXT and a TTL of "))
        #expect(tail[0].hasSuffix(" seconds +dnssec"))
        #expect(tail[1] == "        id: 20261129T000000")
        #expect(tail[2].firstMatch(of: /^        max_age: 86400 seconds; refresh in 86[34]\d\d seconds$/) != nil, "\(tail[2])")
        #expect(Array(tail.dropFirst(3)) == ["        mode: enforce", "        mxlist:", "               *.dane.test"])
        let untrusted = try await CLI.run(["domain", "dane.sts.test", "--resolver", Sandbox.validating])
        #expect(untrusted.status == 0, "the policy is shown, not judged: \(untrusted.stderr)")
        #expect(untrusted.lines.contains { $0.hasPrefix("        policy: none (policy fetch failed: mta-sts.dane.sts.test [127.0.14.1]:443: certificate verification failed") },
                "the sandbox CA is not in the system store")
    }

    @Test(arguments: [
        ("dane.sts.test", "authenticated", "ee311.dane.test"),
        ("pkix.sts.test", "verified", "notlsa.dane.test"),
        ("outside.sts.test", "verified", "notlsa.dane.test"),
        ("cname.sts.test", "authenticated", "ee311.dane.test"),
    ])
    func enforcedPoliciesChooseHostsAndChecks(domain: String, verdict: String, via: String) async throws {
        let (result, entry) = try await Self.check(domain)
        #expect(result.status == 0)
        #expect(entry["verdict"] as? String == verdict)
        #expect(entry["via"] as? String == via)
        if verdict == "verified" { #expect((entry["reason"] as? String)?.contains("MTA-STS enforce, RFC 8461 §4.2: a valid certificate for \(via) is required") == true) }
    }

    @Test func withoutMTASTSTheFirstHostIsUsedInPlaintext() async throws {
        let (_, entry) = try await Self.check("outside.sts.test", [])
        #expect(entry["verdict"] as? String == "opportunistic")
        #expect(entry["via"] as? String == "plain.dane.test")
    }

    @Test func enforcedFailuresDeferWithoutFallback() async throws {
        let (wrong, wrongEntry) = try await Self.check("wrongname.sts.test")
        #expect(wrong.status == 1)
        #expect(wrongEntry["verdict"] as? String == "defer")
        #expect((wrongEntry["reason"] as? String)?.contains("hostname mismatch") == true)
        let (dane, daneEntry) = try await Self.check("danefail.sts.test")
        #expect(dane.status == 1)
        #expect((daneEntry["reason"] as? String)?.contains("no TLSA record matches") == true, "DANE failed: no PKIX fallback")
    }

    @Test func testingModeDeliversAndSaysWhatWouldFail() async throws {
        let (result, entry) = try await Self.check("testing.sts.test")
        #expect(result.status == 0)
        #expect(entry["verdict"] as? String == "opportunistic")
        #expect((entry["mta_sts_notes"] as? [String])?.first?.hasPrefix("wrongname-notlsa.dane.test: would defer under enforce: certificate verification failed: hostname mismatch") == true)
        let text = try await CLI.run(["check", "testing.sts.test", "--mta-sts", "--ca-file", Self.root, "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(text.lines.contains { $0.hasPrefix("  note: mta-sts testing: wrongname-notlsa.dane.test: would defer under enforce") })
        let failed = try await CLI.run(["check", "fetchfail.sts.test", "--mta-sts", "--ca-file", Self.root, "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(failed.lines.contains("  note: mta-sts: no policy (policy fetch failed: HTTP 404 Not Found)"))
        let excluded = try await CLI.run(["check", "-v", "outside.sts.test", "--mta-sts", "--ca-file", Self.root, "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(excluded.lines.contains { $0.hasPrefix("  [10 plain.dane.test] defer: not used: plain.dane.test is not in the MTA-STS policy") })
        #expect(!excluded.lines.contains("    no address to connect to"))
    }

    /// A policy served as "text/plain; charset=utf-8" (nginx), and one whose server ends the
    /// connection without close_notify after a body of known length (Content-Length): both are
    /// the policy of pkix.sts.test, and the domain is verified as pkix.sts.test is.
    @Test(arguments: ["pkix.sts.test", "charset.sts.test", "noclose.sts.test"])
    func aPolicyWithAMediaTypeParameterOrWithoutCloseNotifyApplies(domain: String) async throws {
        let (result, entry) = try await Self.check(domain)
        #expect(result.status == 0)
        #expect(entry["verdict"] as? String == "verified", "\(result.stdout.prefix(600))")
        let sts = try #require((entry["details"] as? [String: Any])?["mta_sts"] as? [String: Any], "\(entry)")
        #expect(sts["failure"] == nil, "\(sts)")
        #expect(sts["mode"] as? String == "enforce")
    }

    /// A body framed by the close alone, ended without close_notify, may have been cut: no policy.
    @Test func aBodyFramedByACloseWithoutCloseNotifyIsNoPolicy() async throws {
        let (_, entry) = try await Self.check("closeframed.sts.test")
        #expect(entry["verdict"] as? String == "opportunistic")
        let sts = (entry["details"] as? [String: Any])?["mta_sts"] as? [String: Any]
        #expect(sts?["failure"] as? String
                == "policy fetch failed: mta-sts.closeframed.sts.test [127.0.14.2]:443: the connection ended without close_notify: the server closed the connection")
    }

    /// A policy that cannot be had is no policy: the domain gets the verdict it gets without
    /// --mta-sts (longcname's MX is ee311, authenticated by DANE; the others' is notlsa).
    @Test(arguments: [
        ("longcname.sts.test", "TXT record: the TXT record is behind 6 CNAMEs, more than 5", "authenticated"),
        ("fetchfail.sts.test", "policy fetch failed: HTTP 404 Not Found", "opportunistic"),
        ("malformed.sts.test", "malformed policy: mode 'sometimes' is not enforce, testing or none", "opportunistic"),
        ("redirect.sts.test", "policy fetch failed: HTTP 301 Moved Permanently (redirects are not followed, RFC 8461 §3.3)", "opportunistic"),
        ("big.sts.test", "policy fetch failed: mta-sts.big.sts.test [127.0.14.1]:443: the response is larger than 64 KiB", "opportunistic"),
    ])
    func failuresMeanNoPolicy(domain: String, failure: String, verdict: String) async throws {
        let (result, entry) = try await Self.check(domain)
        #expect(result.status == 0)
        #expect(entry["verdict"] as? String == verdict, "delivered as without a policy")
        let (_, without) = try await Self.check(domain, [])
        #expect(without["verdict"] as? String == verdict)
        let sts = (entry["details"] as? [String: Any])?["mta_sts"] as? [String: Any]
        #expect(sts?["failure"] as? String == failure)
        #expect(sts?["mode"] == nil)
    }

    @Test func theCNAMELimitIsAnOption() async throws {
        let (_, entry) = try await Self.check("longcname.sts.test", ["--mta-sts", "--ca-file", Self.root, "--mta-sts-cname-max-depth", "6"])
        let sts = (entry["details"] as? [String: Any])?["mta_sts"] as? [String: Any]
        #expect(sts?["failure"] == nil)
        #expect(sts?["cnames"] as? Int == 6)
        #expect(sts?["mode"] as? String == "enforce")
    }

    @Test func consoleCommands() async throws {
        let script = """
            set resolver \(Sandbox.validating)
            set ca_file \(Self.root)
            mta_sts show domain outside.sts.test
            mta_sts list all
            mta_sts refresh policy outside.sts.test
            set mta_sts on
            check outside.sts.test
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.filter { $0.hasPrefix("Domain 'outside.sts.test' has MTA-STS TXT") }.count == 3)
        #expect(result.lines.contains("               *.other.test"))
        #expect(result.lines.contains { $0.hasPrefix("outside.sts.test: verified via notlsa.dane.test") })
        let bad = try await CLI.run(["console"], stdin: "mta_sts show\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("mta_sts show domain NAME | refresh policy NAME | list all"))
    }
}
