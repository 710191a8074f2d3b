import Foundation
import Testing

/// `danecheck tlsa create` from chain files and from live servers, round trips through
/// OpenSSL's DANE verification and through a real probe.
@Suite(.sandbox)
struct TLSACreateTests {
    static func pki(_ file: String) -> String { Sandbox.stateDirectory.appendingPathComponent("smtp/pki/\(file)").path }

    /// "U S M HEX" from a zone-file line with its comment.
    static func record(_ line: String) -> String {
        let fields = (line.split(separator: ";").first ?? "").split(separator: " ")
        return fields.suffix(4).joined(separator: " ")
    }

    static let combinations: [(UInt8, UInt8, UInt8)] = [2, 3].flatMap { usage in
        [0, 1].flatMap { selector in [0, 1, 2].map { (usage, selector, $0) } }
    }

    @Test(arguments: combinations)
    func everyCombinationRoundTripsThroughAProbe(usage: UInt8, selector: UInt8, matching: UInt8) async throws {
        let created = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ee311.chain"), "ee311.dane.test",
                                         "--usage", "\(usage)", "--selector", "\(selector)", "--matching", "\(matching)"])
        #expect(created.status == 0, "\(created.stderr)")
        let lines = created.lines.filter { !$0.isEmpty }
        try #require(lines.count == 1)
        let record = Self.record(lines[0])
        #expect(record.hasPrefix("\(usage) \(selector) \(matching) "))
        #expect(lines[0].hasSuffix("verified at depth \(usage == 3 ? 0 : 1)"))
        // Given on the command line, a record is trusted (not DNSSEC-validated), through the probe's own path.
        let probe = try await CLI.run(["probe", "ee311.dane.test", "--tlsa", record, "--resolver", Sandbox.validating])
        #expect(probe.lines[0].contains("trusted: \(usage) \(selector) \(matching) matched at depth \(usage == 3 ? 0 : 1)"),
                "\(probe.lines[0])")
    }

    @Test func fromALiveServerTheDefaultPairMatchesWhatIsPublished() async throws {
        let created = try await CLI.run(["tlsa", "create", "ee311.dane.test", "--resolver", Sandbox.validating])
        #expect(created.status == 0, "\(created.stderr)")
        let lines = created.lines.filter { !$0.isEmpty }
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("_25._tcp.ee311.dane.test. IN TLSA 3 1 1 "))
        #expect(lines[0].contains("; server key: CN = ee311.dane.test; verified at depth 0"))
        #expect(lines[1].hasPrefix("_25._tcp.ee311.dane.test. IN TLSA 2 1 1 "))
        #expect(lines[1].contains("; issuing CA key: CN = Sandbox Intermediate CA; verified at depth 1"))
        let zone = try String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("smtp/dane.test.zone"), encoding: .utf8)
        #expect(zone.contains("_25._tcp.ee311 300 IN TLSA \(Self.record(lines[0]))"), "the published 3 1 1 is the one made from the live chain")
        let full = try await CLI.run(["tlsa", "create", "ta-inter.dane.test", "--usage", "2", "--selector", "0", "--matching", "2",
                                      "--resolver", Sandbox.validating])
        #expect(full.status == 0)
        let record = Self.record(full.lines[0])
        let probe = try await CLI.run(["probe", "ta-inter.dane.test", "--tlsa", record, "--resolver", Sandbox.validating])
        #expect(probe.lines[0].contains("trusted: 2 0 2 matched at depth 1"), "\(probe.lines[0])")
    }

    @Test func ownerTTLAndJSON() async throws {
        let created = try await CLI.run(["tlsa", "create", "--cert", Self.pki("paired.chain"), "--name", "_25._tcp.mail.example.org",
                                         "--ttl", "3600", "--json"])
        #expect(created.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
        #expect(json["owner"] as? String == "_25._tcp.mail.example.org")
        #expect(json["base_domain"] as? String == "paired.dane.test", "the base domain comes from the certificate's name")
        let records = json["records"] as? [[String: Any]] ?? []
        #expect(records.map { "\($0["usage"] ?? "") \($0["selector"] ?? "") \($0["matching"] ?? "")" } == ["3 1 1", "2 1 1"])
        #expect((records.first?["zone_line"] as? String)?.hasPrefix("_25._tcp.mail.example.org. 3600 IN TLSA 3 1 1 ") == true)
    }

    @Test func aRecordThatWouldNotVerifyIsNotPrinted() async throws {
        let expired = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ta-expired.chain")])
        #expect(expired.status == 1)
        #expect(expired.stdout.isEmpty)
        #expect(expired.stderr.contains("2 1 1 would not verify against the chain from \(Self.pki("ta-expired.chain")) for ta-expired.dane.test: certificate has expired"))
        let wrongName = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ee311.chain"), "other.example.org", "--usage", "2"])
        #expect(wrongName.status == 1, "DANE-TA checks the name")
        #expect(wrongName.stdout.isEmpty)
        #expect(wrongName.stderr == "danecheck: error: 2 1 1 would not verify against the chain from \(Self.pki("ee311.chain")) for other.example.org: hostname mismatch\n")
        let eeAnyName = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ee311.chain"), "other.example.org", "--usage", "3"])
        #expect(eeAnyName.status == 0, "DANE-EE does not")
        #expect(eeAnyName.lines.first?.hasPrefix("_25._tcp.other.example.org. IN TLSA 3 1 1 ") == true, "\(eeAnyName.stdout)")
    }

    @Test func badInputAndServersWithoutTLS() async throws {
        let leafOnly = FileManager.default.temporaryDirectory.appendingPathComponent("leaf-\(UUID()).pem")
        let chain = try String(contentsOfFile: Self.pki("ee311.chain"), encoding: .utf8)
        try String(chain[..<chain.range(of: "-----END CERTIFICATE-----")!.upperBound] + "\n").write(to: leafOnly, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: leafOnly) }
        let single = try await CLI.run(["tlsa", "create", "--cert", leafOnly.path])
        #expect(single.status == 0)
        #expect(single.lines.filter { !$0.isEmpty }.count == 1)
        #expect(single.stderr.contains("holds no issuing CA certificate: only 3 1 1 made"))
        let noIssuer = try await CLI.run(["tlsa", "create", "--cert", leafOnly.path, "--usage", "2"])
        #expect(noIssuer.status == 2)
        #expect(noIssuer.stderr.contains("no issuing CA certificate"))
        let pkixEE = try await CLI.run(["tlsa", "create", "--cert", leafOnly.path, "--usage", "1"])
        #expect(pkixEE.status == 2)
        #expect(pkixEE.stderr.contains("usage 1 is unusable for SMTP (RFC 7672 §3.1.3)"))
        let reversed = FileManager.default.temporaryDirectory.appendingPathComponent("reversed-\(UUID()).pem")
        try (try String(contentsOfFile: Self.pki("inter.pem"), encoding: .utf8) + chain).write(to: reversed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: reversed) }
        let misordered = try await CLI.run(["tlsa", "create", "--cert", reversed.path, "ee311.dane.test", "--usage", "3"])
        #expect(misordered.status == 2, "a CA key must never be published as the server's")
        #expect(misordered.stderr.contains("the first certificate (CN = Sandbox Intermediate CA) issued the second (CN = ee311.dane.test)"))
        let nothing = try await CLI.run(["tlsa", "create"])
        #expect(nothing.status == 2 && nothing.stderr == "danecheck: error: give HOST, or --cert FILE\n")
        let missing = try await CLI.run(["tlsa", "create", "--cert", "/nonexistent.pem"])
        #expect(missing.status == 2 && missing.stderr == "danecheck: error: cannot read --cert /nonexistent.pem\n")
        let plain = try await CLI.run(["tlsa", "create", "plain.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("plain.dane.test presented no certificate"))
    }
}
