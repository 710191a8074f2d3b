import Foundation
import Testing

/// Rollover-health warnings, each triggered by a sandbox case built for it.
@Suite(.sandbox)
struct RolloverHealthTests {
    static let root = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/root.pem").path

    /// The warning kinds `probe --json` reports for a host.
    static func kinds(_ host: String, _ extra: [String] = []) async throws -> [String] {
        let result = try await CLI.run(["probe", "\(host).dane.test", "--json", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    @Test(arguments: [
        ("paired", [String]()),
        ("ee311", ["no-backup"]),
        ("expiring", ["expiring"]),
        ("mixedcert", ["different-certificates"]),
        ("stale", ["stale"]),
        ("ta-notsent", ["stale"]),
        ("agility", ["stale"]),
        ("ee300", ["no-backup", "certificate-only"]),
        ("ee-expired", ["no-backup", "expiring"]),
        ("ta-inter", ["no-backup", "intermediate-ca-only"]),
        ("ta-root211", ["no-backup"]),
        ("selfsigned", ["no-backup"]),
    ])
    func eachCaseGivesItsWarnings(host: String, expected: [String]) async throws {
        #expect(try await Self.kinds(host) == expected)
    }

    @Test func daneTAOnlyUnderAPublicCAIsFlagged() async throws {
        #expect(try await Self.kinds("ta-inter", ["--public-ca-file", Self.root]) == ["no-backup", "public-ca-only", "intermediate-ca-only"])
        #expect(try await Self.kinds("paired", ["--public-ca-file", Self.root]) == [], "a 3 1 1 beside the 2 1 1 is the remedy")
    }

    @Test func warnDaysSetsTheExpiryHorizon() async throws {
        #expect(try await Self.kinds("expiring", ["--warn-days", "0"]) == [])
        #expect(try await Self.kinds("paired", ["--warn-days", "100"]) == ["expiring"])
        let result = try await CLI.run(["probe", "expiring.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(result.lines.contains { $0.hasPrefix("warning: certificate of expiring.dane.test (CN = expiring.dane.test) expires ") && $0.hasSuffix(" days)") })
        let bad = try await CLI.run(["probe", "expiring.dane.test", "--warn-days", "-1", "--resolver", Sandbox.validating])
        #expect(bad.status == 2)
        #expect(bad.stderr == "danecheck: error: --warn-days must be from 0 to 3650, got -1\n")
    }

    @Test func warningsChangeNoVerdictUnlessStrict() async throws {
        let plain = try await CLI.run(["check", "ee311.mx.dane.test", "paired.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(plain.status == 0)
        #expect(plain.lines.contains("ee311.mx.dane.test: authenticated via ee311.dane.test: 3 1 1 at depth 0"))
        // Two domains: the host's warning once, after the results, with the domains it affects.
        #expect(plain.lines.contains { $0.hasPrefix("warning: ee311.dane.test: the certificate of ee311.dane.test is matched by one record only (3 1 1 ")
            && $0.hasSuffix("(1 domain: ee311.mx.dane.test)") })
        let one = try await CLI.run(["check", "ee311.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(one.lines.dropFirst().prefix(2).contains { $0.hasPrefix("  warning: ee311.dane.test: the certificate of ee311.dane.test is matched by one record only") },
                "one domain: under it (beside its TLSRPT note)")
        #expect(!plain.lines.contains { $0.contains("paired.dane.test:") && $0.contains("warning") })
        let strict = try await CLI.run(["check", "--strict", "ee311.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(strict.status == 1)
        let clean = try await CLI.run(["check", "--strict", "paired.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(clean.status == 0)
        let json = try await CLI.run(["check", "--json", "mixedcert.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let domain = try #require((document["domains"] as? [[String: Any]])?.first)
        let warnings = domain["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.contains { $0["kind"] as? String == "different-certificates" && $0["host"] as? String == "mixedcert.dane.test"
            && ($0["message"] as? String)?.hasPrefix("addresses of mixedcert.dane.test present different certificates") == true }, "\(warnings)")
    }

    @Test func domainProbeShowsWarningsUnderTheHost() async throws {
        let result = try await CLI.run(["domain", "--probe", "stale.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(result.lines.contains { $0.hasPrefix("  warning: record 3 1 1 ") && $0.hasSuffix("matches no certificate on any address of stale.dane.test (stale, or a key not yet in use)") })
    }
}
