import Foundation
import Testing

/// Servers that hold an ECDSA and an RSA certificate (Postfix smtpd_tls_chain_files with two
/// pairs), and one that holds RSA only: one handshake per other key type, each chain judged.
@Suite(.sandbox) struct KeyTypeTests {
    static func keyTypes(_ host: String, _ extra: [String] = []) async throws -> (status: Int32, json: [String: Any]) {
        let result = try await CLI.run(["probe", "\(host).dane.test", "--json", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (result.status, json)
    }

    static func findings(_ json: [String: Any]) -> [String] {
        let addresses = json["addresses"] as? [[String: Any]] ?? []
        return addresses.flatMap { ($0["key_types"] as? [[String: Any]] ?? []).map { "\($0["key_type"] ?? "?") \($0["finding"] ?? "?")" } }
    }

    static func warningKinds(_ json: [String: Any]) -> [String] {
        (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    @Test func bothCertificatesCoveredGivesNoWarning() async throws {
        let (status, json) = try await Self.keyTypes("dual-both")
        #expect(status == 0)
        #expect(Self.findings(json) == ["RSA matched"])
        // The record of the RSA key matches the RSA certificate: not stale.
        #expect(Self.warningKinds(json).isEmpty, "\(json["warnings"] ?? "")")
    }

    @Test func anRSACertificateNoRecordCoversIsAWarningAndFailsStrict() async throws {
        let (status, json) = try await Self.keyTypes("dual-econly")
        #expect(status == 0)  // the verdict follows the default (ECDSA) handshake
        #expect(json["verdict"] as? String == "authenticated")
        #expect(Self.findings(json) == ["RSA unmatched"])
        #expect(Self.warningKinds(json).contains("key-type-unmatched"))
        let text = try await CLI.run(["probe", "dual-econly.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(text.stdout.contains("warning: the RSA certificate of dual-econly.dane.test (CN = dual-econly.dane.test) matches none of its TLSA records (3 1 1 "),
                "\(text.stdout)")
        #expect(text.stdout.contains("senders that negotiate RSA defer"))
        let strict = try await CLI.run(["check", "--strict", "dual-econly.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(strict.status == 1, "\(strict.stdout)")
        let lenient = try await CLI.run(["check", "dual-econly.mx.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(lenient.status == 0, "\(lenient.stdout)")
    }

    @Test func anRSAOnlyServerHasNoECDSACertificateAndThatIsNoProblem() async throws {
        let (status, json) = try await Self.keyTypes("rsa-only")
        #expect(status == 0)
        #expect(Self.findings(json) == ["ECDSA not-held"])
        #expect(!Self.warningKinds(json).contains("key-type-unmatched"))
        let text = try await CLI.run(["probe", "rsa-only.dane.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout])
        #expect(text.stdout.contains("  ECDSA certificate: none"), "\(text.stdout)")
    }

    @Test func defaultKeyTypesMakesTheDefaultHandshakeAlone() async throws {
        let (status, json) = try await Self.keyTypes("dual-econly", ["--key-types", "default"])
        #expect(status == 0)
        #expect(Self.findings(json).isEmpty)
        #expect(!Self.warningKinds(json).contains("key-type-unmatched"))
        let bad = try await CLI.run(["probe", "dual-econly.dane.test", "--key-types", "some"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "danecheck: error: The value 'some' is invalid for '--key-types <default|all>'. Please provide one of 'default' and 'all'.\n")
    }
}
