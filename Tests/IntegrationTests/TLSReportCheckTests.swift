import Foundation
import Testing
import TestSupport

/// `danecheck tlsrpt read --check` against the sandbox: yesterday's reported failures
/// (Tests/Fixtures/tlsrpt/sandbox-failures.json) beside today's check of the same hosts, one
/// answer per failure, in every face (text, JSONL), and the exit status.
@Suite(.sandbox) struct TLSReportCheckTests {
    static let report = PackageRoot.url.appendingPathComponent("Tests/Fixtures/tlsrpt/sandbox-failures.json").path
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]

    /// The certificate's date in "offered since DAY" (the sandbox made it) as DAY.
    static func dated(_ text: String) -> String {
        text.replacingOccurrences(of: #"since \d{4}-\d{2}-\d{2}"#, with: "since DAY", options: .regularExpression)
    }

    @Test func eachReportedFailureIsStillThereGoneOrDifferentToday() async throws {
        let result = try await CLI.run(["tlsrpt", "read", "--check", "--jsonl", Self.report] + Self.resolver)
        #expect(result.status == 1, "a failure is still there: exit 1\n\(result.stderr)")
        var answers: [String: [String: String]] = [:]
        for line in result.lines where !line.isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let key = "\(object["policy_domain"] ?? "") \(object["result_type"] ?? "") \(object["receiving_mx"] ?? "")"
            answers[key] = try #require(object["today"] as? [String: String], "\(line)")
        }
        #expect(answers.count == 5)
        #expect(answers["deferred.dane.test tlsa-invalid wrongdigest.dane.test"].map { $0.mapValues(Self.dated) }
                == ["status": "still-failing", "result_type": "tlsa-invalid",
                    "cause": "still failing: TLSA 3 1 1 does not match the certificate offered since DAY"])
        #expect(answers["deferred.dane.test starttls-not-supported wrongdigest.dane.test"]?["status"] == "different")
        #expect(answers["deferred.dane.test starttls-not-supported wrongdigest.dane.test"]?["result_type"] == "tlsa-invalid")
        #expect(answers["dane.test tlsa-invalid ee311.dane.test"]?["status"] == "gone")
        #expect(answers["dane.test tlsa-invalid ee311.dane.test"]?["cause"]?.hasPrefix("gone: ee311.dane.test authenticated (via [127.0.10.1]: 3 1 1 matched at depth 0") == true)
        #expect(answers["dane.test certificate-expired mx9.dane.test"] == ["status": "no-longer-mx", "cause": "gone: mx9.dane.test is no longer an MX host of the domain"])
        #expect(answers["bogus-tlsa.test dnssec-invalid mx.bogus-tlsa.test"]?["status"] == "still-failing")
        #expect(answers["bogus-tlsa.test dnssec-invalid mx.bogus-tlsa.test"]?["result_type"] == "dnssec-invalid")
        let schema = try await CLI.tool("/usr/bin/python3", [PackageRoot.url.appendingPathComponent("scripts/validate-json.py").path, "--lines"],
                                        input: result.stdout)
        #expect(schema.status == 0, "\(schema.output)")
    }

    /// The text face: each failure, and under it today's answer (the README's example).
    @Test func theTextSaysTodaysAnswerUnderEachFailure() async throws {
        let result = try await CLI.run(["tlsrpt", "read", "--check", Self.report] + Self.resolver)
        #expect(result.status == 1)
        #expect(Self.dated(result.stdout).contains("""
            deferred.dane.test tlsa: 0 successful, 7 failed sessions (1 report from 1 organization, 2026-12-05)
              5 tlsa-invalid at wrongdigest.dane.test from 192.0.2.25, reported by 'Sandbox Sender' (2026-12-05)
                still failing: TLSA 3 1 1 does not match the certificate offered since DAY
              2 starttls-not-supported at wrongdigest.dane.test from 192.0.2.25, reported by 'Sandbox Sender' (2026-12-05)
                different: now tlsa-invalid: TLSA 3 1 1 does not match the certificate offered since DAY

            """), "\(result.stdout)")
        #expect(result.stderr == "1 report read\n")
    }
}
