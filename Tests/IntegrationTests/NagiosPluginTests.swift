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
        ("expiring.mx.dane.test", 1, "DANE WARNING - expiring.mx.dane.test authenticated via expiring.dane.test: 3 1 1 at depth 0; rollover warning: expiring | "),
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
        try #require(parts.count == 2, "\(result.stdout)")
        for item in parts[1].split(separator: " ") where !item.contains("\n") || item.count > 1 {
            let trimmed = item.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            #expect(trimmed.range(of: #"^[a-z_]+=-?[0-9.]+(s)?(;[0-9.]*){0,4}$"#, options: .regularExpression) != nil, "\(trimmed)")
        }
        #expect(result.stdout.contains(" time="))
    }

    /// The number after `label=` in the performance data, and the rest of the item.
    static func perfData(_ output: String, _ label: String) -> (value: Double, thresholds: String)? {
        guard let item = output.split(separator: " ").first(where: { $0.hasPrefix(label + "=") }) else { return nil }
        let fields = item.dropFirst(label.count + 1).split(separator: ";", maxSplits: 1).map(String.init)
        return Double(fields.first ?? "").map { ($0, fields.count > 1 ? fields[1] : "") }
    }

    /// The days printed against the dates they stand for: the certificate's notAfter (openssl)
    /// and the sandbox's RRSIG expiry (2037-01-01), each within the check's own duration.
    @Test func perfDataCarriesTheExpiries() async throws {
        let before = Date()
        let result = try await Self.plugin("expiring.mx.dane.test")
        let slack = Date().timeIntervalSince(before) / 86_400 + 0.01
        let certificate = try #require(Self.perfData(result.stdout, "cert_days"), "\(result.stdout)")
        let notAfter = try await ExporterMetricValueTests.notAfter("expiring.chain")
        #expect(abs(certificate.value - notAfter.timeIntervalSince(before) / 86_400) <= slack, "\(result.stdout)")
        #expect(certificate.thresholds == "21;0")
        let rrsig = try #require(Self.perfData(result.stdout, "rrsig_days"), "\(result.stdout)")
        #expect(abs(rrsig.value - ExporterMetricValueTests.rrsigExpiry.timeIntervalSince(before) / 86_400) <= slack)
        #expect(rrsig.thresholds == "3;0")
    }

    /// An RRSIG that expires within --rrsig-warn-days is a WARNING that says so (the sandbox's
    /// expire in about ten years: a threshold past that fires, the default of 3 days does not).
    @Test func anRRSIGExpiringSoonIsAWarning() async throws {
        let soon = try await Self.plugin("--rrsig-warn-days", "4000", "paired.mx.dane.test")
        #expect(soon.status == 1)
        #expect(soon.stdout.hasPrefix("DANE WARNING - paired.mx.dane.test authenticated via paired.dane.test: 3 1 1 at depth 0; RRSIG expires in "), "\(soon.stdout)")
        #expect(Self.perfData(soon.stdout, "rrsig_days")?.thresholds == "4000;0")
        let later = try await Self.plugin("paired.mx.dane.test")
        #expect(later.status == 0)
        #expect(later.stdout.hasPrefix("DANE OK - paired.mx.dane.test authenticated via paired.dane.test: 3 1 1 at depth 0 | "), "\(later.stdout)")
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
