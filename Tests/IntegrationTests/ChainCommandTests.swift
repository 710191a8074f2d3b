import Foundation
import Testing

/// `danecheck chain` and the validation options of the CLI, run as a subprocess against the sandbox.
@Suite(.sandbox)
struct ChainCommandTests {
    static let anchor = ["--trust-anchor", LocalValidationTests.anchorFile]

    @Test func secureChainListsEveryZoneFromTheAnchorDown() async throws {
        let result = try await CLI.run(["chain", "example.test", "--resolver", Sandbox.nonValidating] + Self.anchor)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "Chain of trust for 'example.test' MX: secure")
        let titles = result.lines.filter { $0.hasPrefix("[") }
        #expect(titles == ["[.] secure", "[test.] secure", "[example.test.] secure", "[MX example.test.] secure"])
        #expect(result.stdout.contains("  10 mx1.example.test.\n  20 mx2.example.test.\n"))
        #expect(result.lines.contains { $0.hasPrefix("  RRSIG MX key ") && $0.hasSuffix(": ok") })
    }

    @Test func bogusChainExitsOneAndNamesTheBrokenStep() async throws {
        let result = try await CLI.run(["chain", "_25._tcp.mx.expiredrr.test", "--resolver", Sandbox.validating] + Self.anchor)
        #expect(result.status == 1)
        #expect(result.lines.contains("[TLSA _25._tcp.mx.expiredrr.test.] bogus: RRSIG over TLSA _25._tcp.mx.expiredrr.test expired 2020-02-01T00:00:00Z"))
        let digest = try await CLI.run(["chain", "dsdigest.test", "--json", "--resolver", Sandbox.validating] + Self.anchor)
        #expect(digest.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(digest.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "bogus")
        let steps = json?["steps"] as? [[String: Any]] ?? []
        let broken = steps.first { $0["status"] as? String == "bogus" }
        #expect(broken?["name"] as? String == "dsdigest.test")
        #expect((broken?["reason"] as? String)?.hasPrefix("DS digest mismatch") == true)
    }

    @Test func unsignedDelegationIsInsecureWithTheDelegationNamed() async throws {
        let result = try await CLI.run(["chain", "mx.insecure.test", "a", "--resolver", Sandbox.validating] + Self.anchor)
        #expect(result.status == 0)
        #expect(result.lines.first == "Chain of trust for 'mx.insecure.test' A: insecure: insecure.test is delegated from test without DS: unsigned")
        #expect(result.lines.contains { $0.hasPrefix("[DS insecure.test.] insecure") })
    }

    @Test func aWildcardOwnerNameIsAskedAsItIsAndIsNoExpansion() async throws {
        let result = try await CLI.run(["chain", "*.w.n.proof.test", "MX", "--resolver", Sandbox.nonValidating] + Self.anchor)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "Chain of trust for '*.w.n.proof.test' MX: secure")
        #expect(result.lines.contains("[MX *.w.n.proof.test.] secure"))
        let misplaced = try await CLI.run(["chain", "a.*.w.n.proof.test", "MX", "--resolver", Sandbox.nonValidating] + Self.anchor)
        #expect(misplaced.status == 2)
    }

    @Test func failuresAndBadInputHaveTheirExitCodes() async throws {
        let lame = try await CLI.run(["chain", "lame.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + Self.anchor)
        #expect(lame.status == 3)
        #expect(lame.lines.first == "Chain of trust for 'lame.test' MX: indeterminate: resolver answered SERVFAIL with CD=1")
        let badType = try await CLI.run(["chain", "example.test", "BOGUS", "--resolver", Sandbox.validating] + Self.anchor)
        #expect(badType.status == 2)
        #expect(badType.stderr.contains("unknown record type 'BOGUS'"))
        let noFile = try await CLI.run(["domain", "example.test", "--validation", "local", "--trust-anchor", "/nonexistent/anchor",
                                        "--resolver", Sandbox.validating])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("cannot read trust anchor file /nonexistent/anchor"))
        let badMode = try await CLI.run(["domain", "example.test", "--validation", "maybe", "--resolver", Sandbox.validating])
        #expect(badMode.status == 2)
        #expect(badMode.stderr == "danecheck: error: The value 'maybe' is invalid for '--validation <resolver|local>'. Please provide one of 'resolver' and 'local'.\n")
    }

    @Test func checkGivesTheSameVerdictsInBothModes() async throws {
        let domains = ["ee311.mx.dane.test", "ta-inter.mx.dane.test", "wrongdigest.mx.dane.test", "unusable-only.mx.dane.test",
                       "notlsa.mx.dane.test", "unsignedhost.dane.test", "bogus-tlsa.test", "expiredrr.test", "nullmx.test",
                       "insecure.test", "sub.optout.test"]
        func verdicts(_ extra: [String]) async throws -> [String: String] {
            let result = try await CLI.run(["check", "--json", "--timeout", Sandbox.timeout] + domains + extra + Self.anchor)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let entries = json?["domains"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: entries.map { ($0["domain"] as? String ?? "", $0["verdict"] as? String ?? "") })
        }
        let resolver = try await verdicts(["--resolver", Sandbox.validating])
        #expect(resolver.count == domains.count)
        #expect(resolver["ee311.mx.dane.test"] == "authenticated")
        #expect(try await verdicts(["--resolver", Sandbox.nonValidating, "--validation", "local"]) == resolver)
        #expect(try await verdicts(["--resolver", Sandbox.validating, "--validation", "local"]) == resolver)
    }
}
