import DaneCore
import Foundation
import Testing
import TestSupport

/// `danecheck check`: the domain verdict, the via host and the exit code for the sandbox cases,
/// the policy knobs, batch input and streaming.
@Suite(.sandbox) struct CheckCommandTests {
    static let HINT = "; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause"

    func check(_ arguments: String...) async throws -> CLI.Result {
        try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + arguments)
    }

    @Test(arguments: [
        ("ee311.mx.dane.test", "authenticated via ee311.dane.test: 3 1 1 at depth 0", Int32(0)),
        ("ta-inter.mx.dane.test", "authenticated via ta-inter.dane.test: 2 1 1 at depth 1", 0),
        ("ee-expired.mx.dane.test", "authenticated via ee-expired.dane.test: 3 1 1 at depth 0", 0),
        ("firstfails.dane.test", "authenticated via ee311.dane.test: 3 1 1 at depth 0", 0),
        ("equal.dane.test", "authenticated via ee312.dane.test: 3 1 2 at depth 0", 0),
        ("unusable-only.mx.dane.test", "encrypted via unusable-only.dane.test: TLSv1.", 0),
        ("notlsa.mx.dane.test", "opportunistic via notlsa.dane.test: TLSv1.", 0),
        // Two hosts deliver (ee311 at 10, ta-inter at 20): the first in preference order decides.
        ("dane.test", "authenticated via ee311.dane.test: 3 1 1 at depth 0", 0),
        ("unsignedhost.dane.test", "opportunistic via smtp.insecure.test: ", 0),
        ("danemx.insecure.test", "opportunistic via ee311.dane.test: ", 0),
        ("wrongdigest.mx.dane.test", "defer: wrongdigest.dane.test: no TLSA record matches (3 1 1 at depth 0 expected ", 1),
        ("agility.mx.dane.test", "defer: agility.dane.test: no TLSA record matches (3 1 2", 1),
        ("ta-wrongname.mx.dane.test", "defer: ta-wrongname.dane.test: DANE-TA matched but certificate name", 1),
        ("nostarttls-usable.mx.dane.test", "defer: nostarttls-usable.dane.test: STARTTLS not offered", 1),
        ("h-starttls454.mx.dane.test", "defer: h-starttls454.dane.test: STARTTLS refused: 454", 1),
        ("bogus-mx.test", "defer: MX lookup failed: bogus (resolver SERVFAIL; data present with CD=1\(HINT))", 1),
        ("bogus-tlsa.test", "defer: mx.bogus-tlsa.test: TLSA lookup for _25._tcp.mx.bogus-tlsa.test failed: bogus", 1),
        ("nullmx.test", "undeliverable: null MX (RFC 7505)", 4),
        ("nx.nsec.test", "undeliverable: the domain does not exist (NXDOMAIN)", 4),
        ("lame.test", "defer: MX lookup failed: indeterminate (resolver SERVFAIL; CD=1 also SERVFAIL)", 3),
        ("h-silent.mx.dane.test", "defer: h-silent.dane.test: timeout after \(Sandbox.timeout)s waiting for the greeting", 1),
        ("deferred.dane.test", "defer: every MX host defers: wrongdigest.dane.test: no TLSA record matches", 1),
    ])
    func verdictViaAndExitCode(domain: String, expected: String, status: Int32) async throws {
        let expected = expected.replacingOccurrences(of: "\\(HINT)", with: Self.HINT)
        let result = try await check(domain)
        #expect(result.reportLines[0].hasPrefix("\(domain): \(expected)"), "\(result.reportLines[0])")
        #expect(result.status == status, "\(domain): exit \(result.status)")
    }

    @Test func insecureMXUnderBothSettings() async throws {
        let may = try await check("danemx.insecure.test")
        #expect(may.lines[0] == "danemx.insecure.test: opportunistic via ee311.dane.test: TLSv1.3 TLS_AES_256_GCM_SHA384 without authentication: "
                + "the MX RRset is insecure: DANE does not apply (RFC 7672 §2.2.1)")
        let dane = try await check("--insecure-mx", "dane", "danemx.insecure.test")
        #expect(dane.lines[0] == "danemx.insecure.test: trusted via ee311.dane.test: 3 1 1 at depth 0; MX RRset insecure")
        #expect(dane.status == 0)
        #expect(try await check("--require-dane", "--insecure-mx", "dane", "danemx.insecure.test").status == 1)
    }

    @Test func useDANEAndEnableDANEOff() async throws {
        let noUse = try await check("--no-use-dane", "ee311.mx.dane.test")
        #expect(noUse.lines[0].hasSuffix("without authentication: TLSA not looked up: use_dane is off"))
        let noEnable = try await check("--no-enable-dane", "wrongdigest.mx.dane.test")
        #expect(noEnable.lines[0].hasPrefix("wrongdigest.mx.dane.test: opportunistic via wrongdigest.dane.test"))
        #expect(noEnable.lines[0].hasSuffix("without authentication: enable_dane is off"))
        #expect(noEnable.status == 0)
    }

    @Test func tlsModes() async throws {
        #expect(try await check("plain.mx.dane.test").lines[0].contains("opportunistic via plain.dane.test: STARTTLS not offered: an MTA delivers in plaintext"))
        let required = try await check("--tls", "required", "plain.mx.dane.test", "notlsa.mx.dane.test")
        try #require(required.reportLines.count >= 2, "\(required.stdout)")
        #expect(required.reportLines[0].hasPrefix("plain.mx.dane.test: defer: plain.dane.test: STARTTLS not offered; tls=required"))
        #expect(required.reportLines[1].hasPrefix("notlsa.mx.dane.test: encrypted via notlsa.dane.test"))
        #expect(required.status == 1)
        let disabled = try await check("--tls", "disabled", "notlsa.mx.dane.test", "ee311.mx.dane.test")
        try #require(disabled.reportLines.count >= 2, "\(disabled.stdout)")
        #expect(disabled.reportLines[0].hasPrefix("notlsa.mx.dane.test: opportunistic via notlsa.dane.test: plaintext: tls=disabled"))
        #expect(disabled.reportLines[1] == "ee311.mx.dane.test: authenticated via ee311.dane.test: 3 1 1 at depth 0",
                "DANE takes precedence over tls=disabled")
    }

    @Test func tlsVerifyOnlyWhereDANEDoesNotApply() async throws {
        let root = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/root.pem").path
        let host = try await check("--tls-verify", "host", "--ca-file", root,
                                   "notlsa.mx.dane.test", "wrongname-notlsa.mx.dane.test", "wrongdigest.mx.dane.test", "ta-inter.mx.dane.test")
        try #require(host.reportLines.count >= 4, "\(host.stdout)")
        #expect(host.reportLines[0].hasPrefix("notlsa.mx.dane.test: verified via notlsa.dane.test: TLSv1."), "a chain and the name: verified")
        #expect(host.reportLines[0].contains("chain verified by the CA store, name notlsa.dane.test matches"))
        #expect(host.reportLines[1].contains("certificate verification failed: hostname mismatch"))
        #expect(host.reportLines[2].contains("no TLSA record matches"), "no fallback from DANE to PKIX")
        #expect(host.reportLines[3] == "ta-inter.mx.dane.test: authenticated via ta-inter.dane.test: 2 1 1 at depth 1")
        let ca = try await check("--tls-verify", "ca", "--ca-file", root, "wrongname-notlsa.mx.dane.test")
        #expect(ca.reportLines[0].hasPrefix("wrongname-notlsa.mx.dane.test: trusted via wrongname-notlsa.dane.test"), "a chain without a name check: trusted")
        let noCA = try await check("--tls-verify", "ca", "notlsa.mx.dane.test")
        #expect(noCA.reportLines[0].contains("certificate verification failed"), "the sandbox CA is not in the system store")
    }

    @Test func requireDANEFlipsOpportunistic() async throws {
        #expect(try await check("notlsa.mx.dane.test").status == 0)
        #expect(try await check("--require-dane", "notlsa.mx.dane.test").status == 1)
        #expect(try await check("--require-dane", "ee311.mx.dane.test").status == 0)
    }

    @Test func equalPreferenceTriesTheOtherHostWhenOneFails() async throws {
        let result = try await check("-v", "equal.dane.test")
        try #require(result.reportLines.count >= 3, "\(result.stdout)")
        #expect(result.reportLines[0] == "equal.dane.test: authenticated via ee312.dane.test: 3 1 2 at depth 0")
        #expect(result.reportLines[2].hasPrefix("  [10 agility.dane.test] defer: no TLSA record matches"))
        #expect(result.reportLines.contains { $0.hasPrefix("  [10 ee312.dane.test] authenticated: ") })
    }

    @Test func verboseAddsHostAndAddressLines() async throws {
        let result = try await check("-v", "firstfails.dane.test")
        try #require(result.reportLines.count >= 6, "\(result.stdout)")
        #expect(result.reportLines[1] == "  MX RRset: secure, 2 hosts")
        #expect(result.reportLines[2].hasPrefix("  [10 wrongdigest.dane.test] defer: no TLSA record matches"))
        #expect(result.reportLines[3] == "    policy: DANE authentication required (base domain wrongdigest.dane.test)")
        #expect(result.reportLines[4].hasPrefix("    [127.0.10.7]:25 defer: "))
        #expect(result.reportLines[5].hasPrefix("  [20 ee311.dane.test] authenticated: via [127.0.10.1]: 3 1 1 matched at depth 0"))
    }

    @Test func batchFileWithCommentsDuplicatesAndABadLine() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("domains-\(UUID()).txt")
        try """
            # sandbox domains
            ee311.mx.dane.test
            notlsa.mx.dane.test   # opportunistic
            EE311.mx.dane.test
            bad..name

            nullmx.test
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await check("--file", file.path, "notlsa.mx.dane.test")
        #expect(result.reportLines.filter { !$0.isEmpty }.map { String($0.split(separator: ":")[0]) }
                == ["notlsa.mx.dane.test", "ee311.mx.dane.test", "nullmx.test"])
        #expect(result.stderr.contains("danecheck: error: \(file.path):5: invalid domain name 'bad..name': empty label\n"))
        #expect(result.stderr.contains("3 domains: 1 authenticated, 1 opportunistic, 1 undeliverable; 1 input error\n"))
        #expect(result.status == 2, "a bad input line makes the run exit 2, after the rest ran")
    }

    @Test func jsonlStreamsOneObjectPerDomain() async throws {
        let result = try await check("--jsonl", "--concurrency", "2", "h-silent.mx.dane.test", "ee311.mx.dane.test", "nullmx.test")
        let objects = try result.reportLines.filter { !$0.isEmpty }.map { try JSONDecoder().decode(CheckDomainJSON.self, from: Data($0.utf8)) }
        #expect(Set(objects.map(\.domain)) == ["h-silent.mx.dane.test", "ee311.mx.dane.test", "nullmx.test"])
        // The silent host takes the whole timeout: the others are written before it finishes.
        #expect(objects.last?.domain == "h-silent.mx.dane.test")
        #expect(objects.first { $0.domain == "ee311.mx.dane.test" }?.via == "ee311.dane.test")
        #expect(objects.allSatisfy { $0.schemaVersion == 1 && $0.details.validation == "resolver" })
        #expect(result.status == 4)
    }

    @Test func jsonDocumentWithSummary() async throws {
        let result = try await check("--json", "ee311.mx.dane.test", "wrongdigest.mx.dane.test")
        let json = try JSONDecoder().decode(CheckJSON.self, from: Data(result.stdout.utf8))
        try #require(json.domains.map(\.verdict) == ["authenticated", "defer"])
        #expect(json.summary.total == 2 && json.summary.verdicts["authenticated"] == 1 && json.summary.verdicts["defer"] == 1)
        #expect(json.summary.verdicts.counts.map(\.verdict) == ["authenticated", "defer"], "in the order of the words")
        #expect(json.domains[0].details.hosts.first?.probe?.addresses.first?.tls?.matchedDepth == 0)
        #expect(result.status == 1)
    }

    @Test func progressBarOnlyOnATerminal() async throws {
        let piped = try await check("ee311.mx.dane.test", "notlsa.mx.dane.test")
        #expect(!piped.stderr.contains("\r["), "no progress bar when the output is piped")
        // script(1) runs danecheck on a pseudo-terminal: the bar is drawn there, then erased.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pty-\(UUID()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let command = "\(CLI.executable.path) check --resolver \(Sandbox.validating) ee311.mx.dane.test notlsa.mx.dane.test"
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qc", command, log.path]
        script.standardInput = FileHandle.nullDevice
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        await OwnThread.run { script.waitUntilExit() }
        let screen = try String(decoding: Data(contentsOf: log), as: UTF8.self)
        #expect(screen.contains("] 2/2  "), "the bar counts done/total")
        #expect(screen.contains("\r\u{1B}[K"), "and is erased at the end")
        #expect(screen.contains("ee311.mx.dane.test: authenticated via ee311.dane.test"))
    }

    @Test func batchInputErrors() async throws {
        let none = try await CLI.run(["check"])
        #expect(none.status == 2 && none.stderr == "danecheck: error: give domains as arguments or with --file\n")
        let missing = try await CLI.run(["check", "--file", "/nonexistent/list"])
        #expect(missing.status == 2 && missing.stderr == "danecheck: error: cannot read --file /nonexistent/list\n")
        let both = try await CLI.run(["check", "--json", "--jsonl", "x.test"])
        #expect(both.status == 2 && both.stderr == "danecheck: error: --json and --jsonl exclude each other\n")
        let concurrency = try await CLI.run(["check", "--concurrency", "0", "x.test"])
        #expect(concurrency.status == 2 && concurrency.stderr == "danecheck: error: --concurrency must be from 1 to 1000\n")
    }
}
