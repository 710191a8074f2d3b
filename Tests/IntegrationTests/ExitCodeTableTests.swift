import DaneCommands
import Foundation
import Testing

/// Every command over the sandbox cases, each exit code held to the one table
/// (`DanecheckExit.summary`, in every `--help`, README and the man page).
@Suite(.sandbox) struct ExitCodeTableTests {
    static let validating = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]
    static let plain = ["--resolver", Sandbox.nonValidating, "--timeout", Sandbox.timeout]
    static let anchor = ["--trust-anchor", LocalValidationTests.anchorFile]

    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let code: Int32
        var testDescription: String { "\(arguments.joined(separator: " ")) → \(code)" }
    }

    static func run(_ command: String, _ code: Int32, through resolver: [String] = validating) -> Case {
        let words = command.split(separator: " ").map(String.init)
        // The options go after the command's own words ("tlsa create", "chain NAME TYPE").
        return Case(arguments: words + resolver, code: code)
    }

    static let ok = DanecheckExit.ok.rawValue, deferred = DanecheckExit.deferred.rawValue
    static let usage = DanecheckExit.usage.rawValue, indeterminate = DanecheckExit.indeterminate.rawValue
    static let noMail = DanecheckExit.noMail.rawValue

    static let cases: [Case] = [
        run("domain ee311.mx.dane.test", ok),
        run("domain bogus-mx.test", deferred),
        run("domain lame.test", indeterminate),
        run("domain nonexistent.test", noMail),
        run("domain nullmx.test", noMail),
        run("domain ee311.mx.dane.test", indeterminate, through: plain),
        run("domain --probe ee311.mx.dane.test", ok),
        run("domain --probe deferred.dane.test", deferred),
        run("domain bad..name", usage),
        run("probe ee311.dane.test", ok),
        run("probe wrongdigest.dane.test", deferred),
        run("probe mx.bogus-a.test", deferred),
        run("probe nonexist.dane.test", noMail),
        run("probe ee311.dane.test", indeterminate, through: plain),
        Case(arguments: ["probe", "--tlsa", "3 1 1 00", "ee311.dane.test"] + validating, code: usage),
        Case(arguments: ["probe", "--tlsa", "3 1 1 zz", "ee311.dane.test"] + validating, code: usage),
        run("check ee311.mx.dane.test", ok),
        run("check deferred.dane.test", deferred),
        run("check bogus-mx.test", deferred),
        run("check lame.test", indeterminate),
        run("check nullmx.test", noMail),
        run("check nonexistent.test", noMail),
        run("check ee311.mx.dane.test", indeterminate, through: plain),
        run("check nullmx.test bad..name", usage),
        run("check lame.test nullmx.test deferred.dane.test", indeterminate),
        run("check nullmx.test deferred.dane.test", noMail),
        run("check --require-dane notlsa.mx.dane.test", deferred),
        run("chain ee311.dane.test A", ok, through: validating + anchor),
        run("chain mx.insecure.test A", ok, through: validating + anchor),
        run("chain nonexistent.test A", ok, through: validating + anchor),
        run("chain bogus-mx.test MX", deferred, through: validating + anchor),
        run("chain lame.test MX", indeterminate, through: validating + anchor),
        run("chain ee311.dane.test BOGUSTYPE", usage, through: validating + anchor),
        run("tlsa create ee311.dane.test", ok),
        run("tlsa create nonexist.dane.test", noMail),
        run("tlsa create mx.bogus-a.test", deferred),
        run("tlsa create lame.test", indeterminate),
        Case(arguments: ["tlsa", "create", "--usage", "9", "ee311.dane.test"] + validating, code: usage),
        run("tlsa verify ee311.dane.test", ok),
        run("tlsa verify notlsa.dane.test", deferred),
        run("tlsa verify nonexist.dane.test", noMail),
        Case(arguments: ["tlsa", "verify", "ee311.dane.test", "--record", "3 1 1 00"] + validating, code: usage),
        Case(arguments: ["exporter", "--listen", "nonsense"] + validating, code: usage),
        Case(arguments: ["exporter", "--listen", "127.0.0.1:0", "--max-concurrent", "0"] + validating, code: usage),
    ]

    @Test(arguments: cases) func exitCodeFollowsTheTable(_ testCase: Case) async throws {
        let result = try await CLI.run(testCase.arguments)
        #expect(result.status == testCase.code, "\(result.stdout.prefix(300)) \(result.stderr.prefix(300))")
    }

    @Test func theTableNamesEveryCode() {
        let codes = [Self.ok, Self.deferred, Self.usage, Self.indeterminate, Self.noMail]
        for code in codes { #expect(DanecheckExit.summary.contains("\n  \(code)  "), "code \(code) missing from the table") }
    }
}
