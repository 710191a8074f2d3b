import Foundation
import Testing
import TestSupport

/// `danecheck tlsa verify`: a chain against TLSA records before it is deployed, through
/// OpenSSL's DANE verification, from files and live servers, records given or looked up; the
/// deploy hook for certbot and acme.sh; self-signed server certificates.
@Suite(.sandbox) struct TLSAVerifyTests {
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]
    static func pki(_ file: String) -> String { TLSACreateTests.pki(file) }

    func verify(_ arguments: String...) async throws -> CLI.Result {
        try await CLI.run(["tlsa", "verify"] + arguments + Self.resolver)
    }

    /// The records of the root CA (2 S M), computed by openssl, not by danecheck.
    static func rootRecord(selector: UInt8, matching: UInt8) async throws -> String {
        let der = selector == 0 ? "openssl x509 -in \(pki("root.pem")) -outform DER"
            : "openssl x509 -in \(pki("root.pem")) -pubkey -noout | openssl pkey -pubin -outform DER"
        let digest = matching == 0 ? "od -An -v -tx1 | tr -d ' \\n'" : matching == 1 ? "sha256sum | cut -d' ' -f1" : "sha512sum | cut -d' ' -f1"
        let hex = try await CLI.tool("/bin/sh", ["-c", "\(der) | \(digest)"], input: "").output.trimmingCharacters(in: .whitespacesAndNewlines)
        return "2 \(selector) \(matching) \(hex)"
    }

    @Test func theLiveChainAgainstTheRecordsInDNS() async throws {
        let result = try await verify("ee311.dane.test")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        try #require(result.lines.count >= 4, "\(result.stdout)")
        #expect(result.lines[0].hasPrefix("TLSA _25._tcp.ee311.dane.test: secure, 1 record, TTL "))
        #expect(result.lines[1].hasPrefix("chain [127.0.10.1]:25: CN = ee311.dane.test, issued by CN = Sandbox Intermediate CA"))
        #expect(result.lines[2].hasSuffix(": matched at depth 0"))
        #expect(result.lines[3].range(of: #"^pass: 3 1 1 [0-9a-f]{16}… matches the server's certificate \(CN = ee311\.dane\.test\) at depth 0$"#,
                                      options: .regularExpression) != nil, "\(result.lines[3])")
    }

    @Test func aNewChainThatWouldBreakMailFailsAndSaysWhich() async throws {
        let safe = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--also-current")
        #expect(safe.status == 0)
        #expect(safe.lines.last { !$0.isEmpty }?.hasPrefix("pass: the records match the current chain ([127.0.10.1]:25) and the new chain (") == true)
        // A renewal with a new key: the published 3 1 1 no longer matches.
        let broken = try await verify("ee311.dane.test", "--cert", Self.pki("paired.chain"), "--also-current")
        #expect(broken.status == 1)
        let last = try #require(broken.lines.last { !$0.isEmpty })
        #expect(last.hasPrefix("fail: the new chain (\(Self.pki("paired.chain"))): no TLSA record matches (3 1 1 at depth 0 expected "), "\(last)")
        #expect(broken.lines.contains { $0.hasPrefix("  current chain: pass: ") })
    }

    /// DANE-TA checks the names: HOST, then each --name (RFC 7672 §3.2.2).
    @Test func daneTAChecksTheNamesGiven() async throws {
        let wrong = try await verify("ta-inter.dane.test", "--cert", Self.pki("ta-wrongname.chain"))
        #expect(wrong.status == 1)
        #expect(wrong.lines.last { !$0.isEmpty } == "fail: DANE-TA matched but certificate name mx.other.example does not match ta-inter.dane.test")
        let named = try await verify("ta-inter.dane.test", "--cert", Self.pki("ta-wrongname.chain"), "--name", "mx.other.example")
        #expect(named.status == 0, "\(named.stdout)")
        #expect(named.lines.last { !$0.isEmpty }?.hasSuffix("matches the CA certificate (CN = Sandbox Intermediate CA) at depth 1") == true)
        let expired = try await verify("ta-expired.dane.test", "--cert", Self.pki("ta-expired.chain"))
        #expect(expired.status == 1)
        #expect(expired.lines.last { !$0.isEmpty }?.hasPrefix("fail: certificate expired ") == true, "DANE-TA checks dates")
        let eeExpired = try await verify("ee-expired.dane.test", "--cert", Self.pki("ee-expired.chain"))
        #expect(eeExpired.status == 0, "DANE-EE ignores dates (§3.1.1)")
    }

    static let combinations = TLSACreateTests.combinations

    /// Every usage × selector × matching type: the record `tlsa create` makes from a chain passes
    /// `tlsa verify` against that chain; the root's records (from openssl) against a chain that
    /// sends it; a record of another key fails.
    @Test(arguments: combinations)
    func everyCombinationGivenWithRecordPasses(usage: UInt8, selector: UInt8, matching: UInt8) async throws {
        let created = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ee311.chain"), "ee311.dane.test",
                                         "--usage", "\(usage)", "--selector", "\(selector)", "--matching", "\(matching)"])
        let record = TLSACreateTests.record(try #require(created.lines.first))
        let result = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", record)
        #expect(result.status == 0, "\(record): \(result.stdout)")
        #expect(result.lines[0] == "TLSA records given: 1 record (not looked up)")
        #expect(result.lines.contains("  \(record.prefix(6 + 16))\(record.count > 22 ? "…" : ""): matched at depth \(usage == 3 ? 0 : 1)"))
    }

    @Test(arguments: [(UInt8(0), UInt8(1)), (1, 1), (1, 2), (0, 0)])
    func theRootAsTrustAnchor(selector: UInt8, matching: UInt8) async throws {
        let record = try await Self.rootRecord(selector: selector, matching: matching)
        let result = try await verify("ta-root211.dane.test", "--cert", Self.pki("ta-root211.chain"), "--record", record)
        #expect(result.status == 0, "\(record): \(result.stdout)")
        #expect(result.lines.last { !$0.isEmpty }?.hasSuffix("matches the CA certificate (CN = Sandbox Root CA) at depth 2") == true)
        // A chain that does not send the root: a digest has nothing to match, but a 2 x 0 record
        // carries the anchor itself, and OpenSSL builds the chain to it (RFC 7671 §5.2.2).
        let notSent = try await verify("ta-inter.dane.test", "--cert", Self.pki("ta-inter.chain"), "--record", record)
        #expect(notSent.status == (matching == 0 ? 0 : 1), "\(notSent.stdout)")
    }

    @Test func unusableMalformedAndWeakerRecords() async throws {
        let zeros = "3 1 1 " + String(repeating: "00", count: 32)
        let mismatch = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", zeros)
        #expect(mismatch.status == 1)
        #expect(mismatch.lines.last { !$0.isEmpty }?.hasPrefix("fail: no TLSA record matches (3 1 1 at depth 0 expected 0000…, got ") == true)
        let pkix = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", "1 1 1 " + String(repeating: "AB", count: 32))
        #expect(pkix.status == 1)
        #expect(pkix.lines.contains { $0.hasSuffix(": unusable (PKIX-EE, RFC 7672 §3.1.3)") })
        #expect(pkix.lines.last { !$0.isEmpty } == "fail: no usable TLSA record (RFC 7672 §3.1)")
        let malformed = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", "3 1 1 00")
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "danecheck: error: TLSA record '3 1 1 00': SHA2-256 digest must be 32 octets, got 1\n")
        // Digest agility (RFC 7671 §9): a 3 1 2 beside the matching 3 1 1 is the one that counts.
        let created = try await CLI.run(["tlsa", "create", "--cert", Self.pki("ee311.chain"), "ee311.dane.test", "--usage", "3"])
        let good = TLSACreateTests.record(try #require(created.lines.first))
        let agility = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", good,
                                       "--record", "3 1 2 " + String(repeating: "0f", count: 64))
        #expect(agility.status == 1)
        #expect(agility.lines.contains { $0.contains("ignored: matching type 2 is also published (digest agility, RFC 7671 §9)") })
        // Hex in any case, spaces inside DATA.
        let spaced = good.uppercased().replacingOccurrences(of: "3 1 1 ", with: "").enumerated()
            .map { $0.offset % 8 == 0 && $0.offset > 0 ? " \($0.element)" : "\($0.element)" }.joined()
        let split = try await verify("ee311.dane.test", "--cert", Self.pki("ee311.chain"), "--record", "3 1 1 " + spaced)
        #expect(split.status == 0, "\(split.stdout)\(split.stderr)")
    }

    /// Records looked up: insecure, bogus, absent or unanswered are never a pass.
    @Test func recordsFromDNSMustBeSecure() async throws {
        let chain = Self.pki("ee311.chain")
        let insecure = try await verify("mx.insecure.test", "--cert", chain)
        #expect(insecure.status == 1)
        #expect(insecure.lines[0].hasPrefix("TLSA _25._tcp.mx.insecure.test: insecure, 1 record"))
        #expect(insecure.lines.last { !$0.isEmpty } == "fail: the TLSA RRset at _25._tcp.mx.insecure.test is insecure: DANE does not apply (RFC 7672 §2.2), whatever matches")
        let bogus = try await verify("mx.bogus-tlsa.test", "--cert", chain)
        #expect(bogus.status == 1)
        #expect(bogus.lines.last { !$0.isEmpty }?.hasPrefix("fail: the TLSA lookup failed: bogus (") == true)
        let none = try await verify("notlsa.dane.test", "--cert", chain)
        #expect(none.status == 1)
        #expect(none.lines.last { !$0.isEmpty } == "fail: no TLSA records at _25._tcp.notlsa.dane.test (secure denial)")
        let silent = try await CLI.run(["tlsa", "verify", "ee311.dane.test", "--cert", chain, "--resolver", Sandbox.silent, "--timeout", "1", "--retries", "0"])
        #expect(silent.status == 3, "no answer: indeterminate")
        #expect(silent.lines.last { !$0.isEmpty } == "fail: the TLSA lookup failed: indeterminate (timeout: no answer from 127.53.0.5 within 1s)")
    }

    @Test func badInputIsAUsageError() async throws {
        let missing = try await verify("ee311.dane.test", "--cert", "/nonexistent.pem")
        #expect(missing.status == 2 && missing.stderr == "danecheck: error: cannot read --cert /nonexistent.pem\n")
        let alone = try await verify("ee311.dane.test", "--also-current")
        #expect(alone.status == 2 && alone.stderr == "danecheck: error: --also-current compares with the chain of --cert: give --cert FILE\n")
        let notPEM = FileManager.default.temporaryDirectory.appendingPathComponent("notpem-\(UUID()).txt")
        try "hello\n".write(to: notPEM, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: notPEM) }
        let result = try await verify("ee311.dane.test", "--cert", notPEM.path)
        #expect(result.status == 2 && result.stderr.contains("holds no PEM certificate"))
        let badName = try await verify("bad..name")
        #expect(badName.status == 2 && badName.stderr == "danecheck: error: invalid domain name 'bad..name': empty label\n")
    }

    /// The most common DANE-EE deployment: a self-signed certificate published as 3 1 1, as
    /// `openssl req -x509` makes it (CA:TRUE), or a v1 certificate without extensions.
    @Test(arguments: ["default", "v1"])
    func selfSignedServerCertificatesAreValidUnderDANEEE(kind: String) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selfsigned-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("min.cnf").path
        try "[req]\ndistinguished_name=dn\n[dn]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let made = try await CLI.tool("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                                     "-keyout", dir.appendingPathComponent("key.pem").path,
                                                     "-out", dir.appendingPathComponent("cert.pem").path,
                                                     "-subj", "/CN=mx.example.test", "-days", "30"] + (kind == "v1" ? ["-config", config] : []),
                                input: "")
        #expect(made.status == 0, "\(made.output)")
        let cert = dir.appendingPathComponent("cert.pem").path
        let created = try await CLI.run(["tlsa", "create", "--cert", cert])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(!created.stderr.contains("holds no issuing CA"), "a self-signed certificate has none to pin")
        let record = TLSACreateTests.record(try #require(created.lines.first))
        let verified = try await verify("mx.example.test", "--cert", cert, "--record", record)
        #expect(verified.status == 0, "\(verified.stdout)")
    }

    @Test func aSelfSignedCAServerIsAuthenticatedLive() async throws {
        let check = try await CLI.run(["check"] + Self.resolver + ["selfsigned.mx.dane.test"])
        #expect(check.lines[0] == "selfsigned.mx.dane.test: authenticated via selfsigned.dane.test: 3 1 1 at depth 0")
        let created = try await CLI.run(["tlsa", "create", "--cert", Self.pki("selfsigned.chain")])
        #expect(created.status == 0, "a CA:TRUE self-signed leaf is the server's certificate, not a misordered chain")
        let live = try await verify("selfsigned.dane.test", "--cert", Self.pki("selfsigned.chain"), "--also-current")
        #expect(live.status == 0, "\(live.stdout)")
        // Under DANE-TA the self-signed leaf is judged as OpenSSL judges it (no match at depth 0),
        // the same offline as in a handshake, and the reason says why.
        let line = try #require(created.lines.first)
        let leaf = try #require(TLSACreateTests.record(line).split(separator: " ").last)
        let spki = "2 1 1 \(leaf)"
        let offline = try await verify("selfsigned.dane.test", "--cert", Self.pki("selfsigned.chain"), "--record", spki)
        let probe = try await CLI.run(["probe", "selfsigned.dane.test", "--tlsa", spki] + Self.resolver)
        #expect(offline.status == 1 && probe.status == 1)
        let reason = "no TLSA record matches (2 1 1 expected \(leaf.prefix(4))…, but the server's certificate is self-signed: only 3 x x records can match it)"
        #expect(offline.lines.last { !$0.isEmpty } == "fail: " + reason)
        #expect(probe.lines[0] == "selfsigned.dane.test [127.0.10.26]:25 defer: " + reason)
    }

    @Test func jsonCarriesTheSameFacts() async throws {
        let result = try await verify("ee311.dane.test", "--cert", Self.pki("paired.chain"), "--also-current", "--json")
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "tlsa verify" && object["result"] as? String == "fail")
        let chains = object["chains"] as? [[String: Any]] ?? []
        #expect(chains.map { $0["label"] as? String } == ["current chain", "new chain"])
        #expect(chains.map { $0["result"] as? String } == ["pass", "fail"])
        #expect(chains.first?["matched_depth"] as? Int == 0)
        #expect(try await JSONSchemaTests.validate(result.stdout, definition: "tlsa_verify").status == 0)
    }

    /// contrib/danecheck-deploy-hook as certbot and acme.sh run it, with their variables.
    @Test func theDeployHookRefusesAChainThatWouldBreakMail() async throws {
        let hook = PackageRoot.url.appendingPathComponent("contrib/danecheck-deploy-hook").path
        let lineage = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-\(UUID())")
        try FileManager.default.createDirectory(at: lineage, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lineage) }
        let marker = lineage.appendingPathComponent("reloaded").path
        func run(_ variables: String) async throws -> (status: Int32, output: String) {
            try await CLI.tool("/bin/sh", ["-c", "\(variables) DANECHECK=\(CLI.executable.path) DANECHECK_HOST=ee311.dane.test "
                                     + "DANECHECK_OPTIONS='--resolver \(Sandbox.validating) --timeout \(Sandbox.timeout)' DANECHECK_RELOAD='touch \(marker)' \(hook)"],
                         input: "")
        }
        let fullchain = lineage.appendingPathComponent("fullchain.pem")
        try FileManager.default.copyItem(atPath: Self.pki("ee311.chain"), toPath: fullchain.path)
        let certbot = try await run("RENEWED_LINEAGE=\(lineage.path)")
        #expect(certbot.status == 0, "\(certbot.output)")
        #expect(FileManager.default.fileExists(atPath: marker), "reloaded after the check passed")
        try FileManager.default.removeItem(atPath: marker)
        let acme = try await run("CERT_FULLCHAIN_PATH=\(Self.pki("paired.chain"))")
        #expect(acme.status == 1)
        #expect(acme.output.contains("would not match the TLSA records of ee311.dane.test"))
        #expect(!FileManager.default.fileExists(atPath: marker), "not reloaded")
        let neither = try await run("")
        #expect(neither.status == 2)
        #expect(neither.output == "danecheck-deploy-hook: neither RENEWED_LINEAGE (certbot) nor CERT_FULLCHAIN_PATH (acme.sh) is set\n")
    }
}
