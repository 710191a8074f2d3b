import Foundation
import Testing

/// The TLSRPT record (RFC 8460) of the sandbox's rpt.test cases, through the validating resolver:
/// `domain` shows it in the voice of the MTA-STS block, `check` warns when a domain publishes
/// DANE or MTA-STS without a valid one, JSON carries it.
@Suite(.sandbox) struct TLSRPTTests {
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]

    /// `domain NAME`, its TTLs (which count down in the resolver's cache) written as N.
    func domain(_ name: String) async throws -> (status: Int32, stdout: String) {
        let result = try await CLI.run(["domain", name] + Self.resolver)
        return (result.status, result.stdout.replacingOccurrences(of: #"TTL of \d+ seconds"#, with: "TTL of N seconds", options: .regularExpression))
    }

    @Test func aValidRecordIsShownWithWhereReportsGo() async throws {
        let result = try await domain("good.rpt.test")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("""
            Domain 'good.rpt.test' has TLSRPT TXT and a TTL of N seconds +dnssec
                    rua: mailto:tlsrpt@good.rpt.test
                    rua: https://reports.good.rpt.test/v1

            """), "\(result.stdout)")
        let cname = try await domain("cname.rpt.test")
        #expect(cname.stdout.contains("Domain 'cname.rpt.test' has TLSRPT TXT (through 1 CNAME) and a TTL of N seconds +dnssec\n        rua: mailto:tlsrpt@good.rpt.test\n"))
    }

    @Test(arguments: [
        ("norua", "invalid: TXT record: no rua= field, so reports have nowhere to go"),
        ("two", "invalid: TXT record: 2 TXT records start with v=TLSRPTv1 (one is allowed)"),
        ("scheme", "invalid: TXT record: rua 'ftp://reports.scheme.rpt.test/' is neither mailto: nor https:"),
    ])
    func anInvalidRecordSaysWhy(name: String, reason: String) async throws {
        let result = try await domain("\(name).rpt.test")
        #expect(result.stdout.contains("Domain '\(name).rpt.test' has TLSRPT TXT and a TTL of N seconds +dnssec\n        \(reason): senders assume no TLSRPT (RFC 8460 §3)\n"),
                "\(result.stdout)")
        #expect(result.status == 0, "a warning, not a failure")
    }

    @Test func theDraftsNameIsNoticedAndAbsenceIsSilent() async throws {
        let obsolete = try await domain("obsolete.rpt.test")
        #expect(obsolete.stdout.contains("Domain 'obsolete.rpt.test' has no TLSRPT TXT record +dnssec\n        note: _smtp-tlsrpt.obsolete.rpt.test holds one"))
        let none = try await domain("none.rpt.test")
        #expect(none.status == 0)
        #expect(none.stdout.hasPrefix("Domain 'none.rpt.test' has 1 MX and a TTL of "), "\(none.stdout)")
        #expect(!none.stdout.contains("TLSRPT"))
    }

    @Test func checkWarnsOnlyWhereDANEOrMTASTSIsPublished() async throws {
        let result = try await CLI.run(["check", "good.rpt.test", "none.rpt.test", "norua.rpt.test", "obsolete.rpt.test", "nodane.rpt.test"]
                                       + Self.resolver)
        #expect(result.status == 0, "a missing TLSRPT record changes no verdict: \(result.stdout)")
        let warnings = result.lines.filter { $0.hasPrefix("  note: ") && $0.contains("TLSRPT") }
        #expect(warnings == [
            "  note: no TLSRPT record at _smtp._tls.none.rpt.test: senders that find DANE failing cannot tell you (RFC 8460)",
            "  note: the TLSRPT record at _smtp._tls.norua.rpt.test is not valid (TXT record: no rua= field, so reports have nowhere to go): "
                + "senders that find DANE failing cannot tell you (RFC 8460)",
            "  note: no TLSRPT record at _smtp._tls.obsolete.rpt.test; one is at _smtp-tlsrpt.obsolete.rpt.test, the drafts' name, "
                + "which senders no longer read: senders that find DANE failing cannot tell you (RFC 8460)",
        ])
        // nodane.rpt.test publishes neither DANE nor MTA-STS: nothing to report on, no warning.
        let mtaSTS = try await CLI.run(["check", "--mta-sts", "pkix.sts.test"] + Self.resolver)
        #expect(mtaSTS.stdout.contains("  note: no TLSRPT record at _smtp._tls.pkix.sts.test: senders that find MTA-STS failing cannot tell you (RFC 8460)"))
        // A notice: --strict does not fail on it.
        let strict = try await CLI.run(["check", "--strict", "paired.mx.dane.test"] + Self.resolver)
        #expect(strict.stdout.contains("  note: no TLSRPT record at _smtp._tls.paired.mx.dane.test"))
        #expect(strict.status == 0)
    }

    @Test func jsonCarriesTheRecordAndTheWarning() async throws {
        let result = try await CLI.run(["check", "--jsonl", "good.rpt.test", "norua.rpt.test"] + Self.resolver)
        let lines = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let byDomain = Dictionary(uniqueKeysWithValues: lines.map { ($0["domain"] as? String ?? "", $0) })
        let good = try #require((byDomain["good.rpt.test"]?["details"] as? [String: Any])?["tlsrpt"] as? [String: Any])
        #expect(good["valid"] as? Bool == true)
        #expect(good["rua"] as? [String] == ["mailto:tlsrpt@good.rpt.test", "https://reports.good.rpt.test/v1"])
        let norua = try #require((byDomain["norua.rpt.test"]?["details"] as? [String: Any])?["tlsrpt"] as? [String: Any])
        #expect(norua["valid"] as? Bool == false)
        #expect(norua["failure"] as? String == "TXT record: no rua= field, so reports have nowhere to go")
        let kinds = (byDomain["norua.rpt.test"]?["warnings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds?.contains("no-tlsrpt") == true)
        #expect(try await JSONSchemaTests.validate(result.stdout, definition: "check_domain", lines: true).status == 0)
    }
}
