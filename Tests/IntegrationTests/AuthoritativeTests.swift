import Foundation
import Testing

/// `domain --authoritative` against the sandbox's stale.test, whose four nameservers are real
/// servers: ns1 (the main NSD) and ns3 serve the current version, ns3 with an expired TLSA
/// RRSIG; ns2 (a second NSD) the version before; ns4 never answers.
@Suite(.sandbox) struct AuthoritativeTests {
    static let arguments = ["domain", "--authoritative", "stale.test", "--resolver", Sandbox.validating, "--timeout", "1"]

    /// Bounded: ns4's MX, TLSA and SOA questions (2 × 1 s each) wait at once, not one after the
    /// other (6 s). Timed against a run started beside it whose one server answers at once, so a
    /// loaded machine's slow start cancels out (under the suite beside a CPU hog this run once took
    /// 12.4 s in all).
    @Test func theStaleTheExpiredAndTheSilentServerAreNamed() async throws {
        async let control = CLI.run(["domain", "--authoritative", "example.test", "--resolver", Sandbox.validating, "--timeout", "1"])
        let result = try await CLI.run(Self.arguments)
        let beyond = result.seconds - (try await control).seconds
        let block = result.lines.drop { !$0.hasPrefix("Zone 'stale.test'") }
        #expect(Array(block) == [
            "Zone 'stale.test' (MX stale.test, TLSA _25._tcp.mx.stale.test): 4 nameserver addresses, 1 disagrees, 1 with expired signatures, 1 not answering",
            "  ns1.stale.test (127.53.0.1) serial 2026120201: agrees",
            "  ns2.stale.test (127.53.0.9) serial 2024010101: disagrees: serves serial 2024010101, older than the 2026120201 that 2 of 3 serve, "
                + "and an older TLSA RRset at _25._tcp.mx.stale.test: 3 1 1 \(try Self.previousTLSAPrefix())…",
            "  ns3.stale.test (127.53.0.10) serial 2026120201: agrees",
            "    expired: signatures over TLSA _25._tcp.mx.stale.test expired 2020-02-01T00:00:00Z",
            "  ns4.stale.test (127.53.0.5): no usable answer: timeout: no answer from 127.53.0.5 within 1s (2 tries)",
            "",
        ], "\(result.stdout)")
        #expect(beyond < 4.5, "every server within the timeout, all at once: \(beyond) s beyond the control")
        #expect(result.status == 0, "shown, not a verdict")
    }

    /// The first 16 hex digits of the previous version's TLSA data, as sandbox/zones.sh derives it.
    static func previousTLSAPrefix() throws -> String {
        let out = try Data(contentsOf: Sandbox.stateDirectory.appendingPathComponent("zones/stale.test.zone.previous"))
        let line = try #require(String(decoding: out, as: UTF8.self).split(separator: "\n").first { $0.contains("TLSA") })
        return String(try #require(line.split(separator: " ").last).prefix(16))
    }

    @Test func jsonCarriesEachServersAnswers() async throws {
        let result = try await CLI.run(Self.arguments + ["--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let zones = try #require(json["authoritative"] as? [[String: Any]])
        #expect(zones.map { $0["zone"] as? String } == ["stale.test"])
        let servers = try #require(zones.first?["servers"] as? [[String: Any]])
        try #require(servers.map { $0["finding"] as? String } == ["agrees", "disagrees", "agrees", "unusable"])
        #expect(servers.map { $0["serial"] as? Int } == [2026120201, 2024010101, 2026120201, nil])
        let ns3TLSA = (servers[2]["answers"] as? [[String: Any]])?.last
        #expect(ns3TLSA?["signature_expires"] as? String == "2020-02-01T00:00:00Z")
        #expect(try await JSONSchemaTests.validate(result.stdout, definition: "domain").status == 0)
    }

    @Test func aZoneWhoseServersAgreeSaysSo() async throws {
        let result = try await CLI.run(["domain", "--authoritative", "example.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(result.stdout.contains("""
            Zone 'example.test' (MX example.test, TLSA _25._tcp.mx1.example.test, TLSA _25._tcp.mx2.example.test): 1 nameserver address, all agree
              ns.test (127.53.0.1) serial 1: agrees

            """), "\(result.stdout)")
        // Without the flag, nothing of it.
        let plain = try await CLI.run(["domain", "example.test", "--resolver", Sandbox.validating])
        #expect(!plain.stdout.contains("Zone '"))
    }
}
