import DaneCommands
import Foundation
import Testing

/// Every command over the sandbox cases, each exit code held to the one table
/// (`DanecheckExit.summary`, in every `--help`, README and the man page).
@Suite(.sandbox) struct ExitCodeTableTests {
    static let validating = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]
    static let plain = ["--resolver", Sandbox.nonValidating, "--timeout", Sandbox.timeout]
    static let anchor = ["--trust-anchor", LocalValidationTests.anchorFile]

    /// A command, its exit code, and the start of a line it must print (stdout or stderr) that
    /// gives the reason: the table promises a code with its reason, usage errors one line on stderr.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let code: Int32
        let says: String
        var testDescription: String { "\(arguments.joined(separator: " ")) → \(code)" }
    }

    static func run(_ command: String, _ code: Int32, through resolver: [String] = validating, says: String) -> Case {
        let words = command.split(separator: " ").map(String.init)
        // The options go after the command's own words ("tlsa create", "chain NAME TYPE").
        return Case(arguments: words + resolver, code: code, says: says)
    }

    static let bogusHint = "(resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause)"
    static let notValidating = "danecheck: warning: resolver 127.53.0.3 does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)"

    static let ok = DanecheckExit.ok.rawValue, deferred = DanecheckExit.deferred.rawValue
    static let usage = DanecheckExit.usage.rawValue, indeterminate = DanecheckExit.indeterminate.rawValue
    static let noMail = DanecheckExit.noMail.rawValue

    static let cases: [Case] = [
        run("domain ee311.mx.dane.test", ok, says: "Domain 'ee311.mx.dane.test' has 1 MX and a TTL of "),
        run("domain bogus-mx.test", deferred, says: "Domain 'bogus-mx.test' MX lookup failed: bogus \(bogusHint)"),
        run("domain lame.test", indeterminate, says: "Domain 'lame.test' MX lookup failed: indeterminate (resolver SERVFAIL; CD=1 also SERVFAIL)"),
        run("domain nonexistent.test", noMail, says: "Domain 'nonexistent.test' does not exist (NXDOMAIN) +dnssec"),
        run("domain nullmx.test", noMail, says: "Domain 'nullmx.test' has a null MX (RFC 7505) and a TTL of "),
        run("domain ee311.mx.dane.test", indeterminate, through: plain, says: notValidating),
        run("domain --probe ee311.mx.dane.test", ok, says: "ee311.mx.dane.test: authenticated via ee311.dane.test: 3 1 1 at depth 0"),
        run("domain --probe deferred.dane.test", deferred, says: "deferred.dane.test: defer: every MX host defers: wrongdigest.dane.test: no TLSA record matches"),
        run("domain bad..name", usage, says: "danecheck: error: invalid domain name 'bad..name': empty label"),
        run("probe ee311.dane.test", ok, says: "ee311.dane.test [127.0.10.1]:25 authenticated: 3 1 1 matched at depth 0"),
        run("probe wrongdigest.dane.test", deferred, says: "  verdict: defer: no TLSA record matches (3 1 1 at depth 0 expected "),
        run("probe mx.bogus-a.test", deferred, says: "policy: opportunistic TLS: TLSA not looked up: address lookups of mx.bogus-a.test failed (A bogus)"),
        run("probe nonexist.dane.test", noMail, says: "policy: opportunistic TLS: TLSA not looked up: nonexist.dane.test has no address records"),
        run("probe ee311.dane.test", indeterminate, through: plain, says: notValidating),
        Case(arguments: ["probe", "--tlsa", "3 1 1 00", "ee311.dane.test"] + validating, code: usage,
             says: "danecheck: error: TLSA record '3 1 1 00': SHA2-256 digest must be 32 octets, got 1"),
        Case(arguments: ["probe", "--tlsa", "3 1 1 zz", "ee311.dane.test"] + validating, code: usage,
             says: "danecheck: error: TLSA record '3 1 1 zz': certificate association data must be hex digits (0-9, a-f)"),
        run("check ee311.mx.dane.test", ok, says: "ee311.mx.dane.test: authenticated via ee311.dane.test: 3 1 1 at depth 0"),
        run("check deferred.dane.test", deferred, says: "deferred.dane.test: defer: every MX host defers: "),
        run("check bogus-mx.test", deferred, says: "bogus-mx.test: defer: MX lookup failed: bogus \(bogusHint)"),
        run("check lame.test", indeterminate, says: "lame.test: defer: MX lookup failed: indeterminate (resolver SERVFAIL; CD=1 also SERVFAIL)"),
        run("check nullmx.test", noMail, says: "nullmx.test: undeliverable: null MX (RFC 7505)"),
        run("check nonexistent.test", noMail, says: "nonexistent.test: undeliverable: the domain does not exist (NXDOMAIN)"),
        run("check ee311.mx.dane.test", indeterminate, through: plain,
            says: "ee311.mx.dane.test: unknown: DNSSEC status unknown: resolver 127.53.0.3 does not validate"),
        run("check nullmx.test bad..name", usage, says: "danecheck: error: argument 2: invalid domain name 'bad..name': empty label"),
        run("check lame.test nullmx.test deferred.dane.test", indeterminate, says: "3 domains: 2 defer, 1 undeliverable"),
        run("check nullmx.test deferred.dane.test", noMail, says: "2 domains: 1 defer, 1 undeliverable"),
        run("check --require-dane notlsa.mx.dane.test", deferred, says: "notlsa.mx.dane.test: opportunistic via notlsa.dane.test: "),
        run("chain ee311.dane.test A", ok, through: validating + anchor, says: "Chain of trust for 'ee311.dane.test' A: secure"),
        run("chain mx.insecure.test A", ok, through: validating + anchor, says: "Chain of trust for 'mx.insecure.test' A: insecure"),
        run("chain nonexistent.test A", ok, through: validating + anchor, says: "Answer: nonexistent.test does not exist (NXDOMAIN)"),
        run("chain bogus-mx.test MX", deferred, through: validating + anchor, says: "Chain of trust for 'bogus-mx.test' MX: bogus"),
        run("chain lame.test MX", indeterminate, through: validating + anchor, says: "Answer: none (resolver answered SERVFAIL with CD=1)"),
        run("chain ee311.dane.test BOGUSTYPE", usage, through: validating + anchor,
            says: "danecheck: error: unknown record type 'BOGUSTYPE' (one of A, AAAA, CNAME, DNSKEY, DS, MX, NS, SOA, TLSA, TXT)"),
        run("tlsa create ee311.dane.test", ok, says: "_25._tcp.ee311.dane.test. IN TLSA 3 1 1 "),
        run("tlsa create nonexist.dane.test", noMail, says: "danecheck: error: nonexist.dane.test does not exist (NXDOMAIN)"),
        run("tlsa create mx.bogus-a.test", deferred, says: "danecheck: error: A lookup for mx.bogus-a.test failed: bogus \(bogusHint)"),
        run("tlsa create lame.test", indeterminate, says: "danecheck: error: A lookup for lame.test failed: indeterminate (resolver SERVFAIL; CD=1 also SERVFAIL)"),
        Case(arguments: ["tlsa", "create", "--usage", "9", "ee311.dane.test"] + validating, code: usage,
             says: "danecheck: error: usage 9 is unusable for SMTP (RFC 7672 §3.1.3): use 3 (DANE-EE) or 2 (DANE-TA)"),
        run("tlsa verify ee311.dane.test", ok, says: "pass: 3 1 1 "),
        run("tlsa verify notlsa.dane.test", deferred, says: "fail: no TLSA records at _25._tcp.notlsa.dane.test (secure denial)"),
        run("tlsa verify nonexist.dane.test", noMail, says: "danecheck: error: nonexist.dane.test does not exist (NXDOMAIN)"),
        Case(arguments: ["tlsa", "verify", "ee311.dane.test", "--record", "3 1 1 00"] + validating, code: usage,
             says: "danecheck: error: TLSA record '3 1 1 00': SHA2-256 digest must be 32 octets, got 1"),
        Case(arguments: ["exporter", "--listen", "nonsense"] + validating, code: usage,
             says: "danecheck-exporter: error: --listen 'nonsense': give ADDR:PORT, e.g. 127.0.0.1:9309 or [::1]:9309"),
        Case(arguments: ["exporter", "--listen", "127.0.0.1:0", "--max-concurrent", "0"] + validating, code: usage,
             says: "danecheck-exporter: error: --max-concurrent must be from 1 to 256"),
    ]

    @Test(arguments: cases) func exitCodeFollowsTheTable(_ testCase: Case) async throws {
        let result = try await CLI.run(testCase.arguments)
        #expect(result.status == testCase.code, "\(result.stdout.prefix(300)) \(result.stderr.prefix(300))")
        let lines = (result.stdout + "\n" + result.stderr).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(testCase.says) }, "\(result.stdout.suffix(600))\n\(result.stderr.suffix(600))")
        if testCase.code == Self.usage {
            // check goes on with the valid arguments: its batch summary follows the error line.
            let expected = testCase.arguments.first == "check" ? testCase.says + "\n1 domain: 1 undeliverable; 1 input error\n" : testCase.says + "\n"
            #expect(result.stderr == expected, "a usage error is one line on stderr: \(result.stderr)")
        }
    }

    @Test func theTableNamesEveryCode() {
        let codes = [Self.ok, Self.deferred, Self.usage, Self.indeterminate, Self.noMail]
        for code in codes { #expect(DanecheckExit.summary.contains("\n  \(code)  "), "code \(code) missing from the table") }
    }
}
