import Foundation
import Testing

/// `check --nagios`: the Monitoring Plugins format (one line, "SERVICE STATUS - text | perfdata")
/// and exit codes (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN) over the sandbox cases.
@Suite(.sandbox) struct NagiosPluginTests {
    static func plugin(_ arguments: String...) async throws -> CLI.Result {
        try await CLI.run(["check", "--nagios", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + arguments)
    }

    @Test(arguments: [
        ("paired.mx.dane.test", Int32(0), "DANE OK - paired.mx.dane.test authenticated via paired.dane.test: 3 1 1 at depth 0 | "),
        ("ee311.mx.dane.test", 1, "DANE WARNING - ee311.mx.dane.test authenticated via ee311.dane.test: 3 1 1 at depth 0; rollover warning: no-backup | "),
        ("expiring.mx.dane.test", 1, "DANE WARNING - expiring.mx.dane.test authenticated via expiring.dane.test: 3 1 1 at depth 0; certificate expires in "),
        ("wrongdigest.mx.dane.test", 2, "DANE CRITICAL - wrongdigest.mx.dane.test defer: wrongdigest.dane.test: no TLSA record matches"),
        ("nullmx.test", 2, "DANE CRITICAL - nullmx.test undeliverable: null MX (RFC 7505) | "),
        ("bogus-tlsa.test", 2, "DANE CRITICAL - bogus-tlsa.test defer: mx.bogus-tlsa.test: TLSA lookup for _25._tcp.mx.bogus-tlsa.test failed: bogus"),
        ("lame.test", 3, "DANE UNKNOWN - lame.test defer: MX lookup failed: indeterminate"),
        ("notlsa.mx.dane.test", 0, "DANE OK - notlsa.mx.dane.test opportunistic via notlsa.dane.test: "),
    ])
    func statusLineAndExitCode(domain: String, status: Int32, prefix: String) async throws {
        let result = try await Self.plugin(domain)
        #expect(result.status == status, "\(result.stdout)")
        #expect(result.lines.filter { !$0.isEmpty }.count == 1, "one line")
        #expect(result.stdout.hasPrefix(prefix), "\(result.stdout)")
        // Performance data after the one '|': label=value[UOM];warn;crit;min.
        let parts = result.stdout.split(separator: "|")
        #expect(parts.count == 2)
        for item in parts[1].split(separator: " ") where !item.contains("\n") || item.count > 1 {
            let trimmed = item.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            #expect(trimmed.range(of: #"^[a-z_]+=-?[0-9.]+(s)?(;[0-9.]*){0,4}$"#, options: .regularExpression) != nil, "\(trimmed)")
        }
        #expect(result.stdout.contains(" time="))
    }

    @Test func perfDataCarriesTheExpiries() async throws {
        let result = try await Self.plugin("expiring.mx.dane.test")
        let days = result.stdout.range(of: #"cert_days=([0-9.]+);21;0"#, options: .regularExpression).map { String(result.stdout[$0]) }
        #expect(days?.hasPrefix("cert_days=9.") == true || days?.hasPrefix("cert_days=10.") == true, "\(result.stdout)")
        #expect(result.stdout.contains("rrsig_days="))
    }

    @Test func requireDANEMakesOpportunisticCritical() async throws {
        let result = try await Self.plugin("--require-dane", "notlsa.mx.dane.test")
        #expect(result.status == 2)
        #expect(result.stdout.contains("; not authenticated by DANE (opportunistic) | "))
    }

    @Test func aResolverThatDoesNotValidateIsUnknown() async throws {
        let result = try await CLI.run(["check", "--nagios", "--resolver", Sandbox.nonValidating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test"])
        #expect(result.status == 3)
        #expect(result.stdout.hasPrefix("DANE UNKNOWN - ee311.mx.dane.test unknown: DNSSEC status unknown"))
    }

    @Test func usageErrorsAreUnknownInThePluginsFormat() async throws {
        let two = try await CLI.run(["check", "--nagios", "a.test", "b.test"])
        #expect(two.status == 3)
        #expect(two.stdout == "DANE UNKNOWN - --nagios checks one domain, given as the argument (one service per domain), in text\n")
        let bad = try await CLI.run(["check", "--nagios", "bad..name"])
        #expect(bad.status == 3 && bad.stdout.hasPrefix("DANE UNKNOWN - "))
        let option = try await CLI.run(["check", "--nagios", "--timeout", "x", "a.test"])
        #expect(option.status == 3 && option.stdout.hasPrefix("DANE UNKNOWN - "))
    }

    /// Remote text cannot break the line: no second '|', no control characters.
    @Test func remoteTextStaysInsideTheLine() async throws {
        let result = try await Self.plugin("h-controls.mx.dane.test")
        #expect(result.stdout.filter { $0 == "|" }.count == 1)
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
