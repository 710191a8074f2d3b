import Foundation
import TestSupport
import Testing

/// Every command's JSON output validated against schema/danecheck.schema.json by a real
/// validator (python3-jsonschema, Draft 2020-12, through scripts/validate-json.py): the schema
/// has `additionalProperties: false` everywhere, so a renamed or added key fails here.
@Suite(.sandbox) struct JSONSchemaTests {
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]

    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let definition: String
        var lines = false
        var testDescription: String { "\(arguments.joined(separator: " ")) against \(definition)" }
    }

    static let cases: [Case] = [
        Case(arguments: ["domain", "ee311.mx.dane.test", "--json"], definition: "domain"),
        Case(arguments: ["domain", "nullmx.test", "--json"], definition: "domain"),
        Case(arguments: ["domain", "nonexistent.test", "--json"], definition: "domain"),
        Case(arguments: ["domain", "lame.test", "--json"], definition: "domain"),
        Case(arguments: ["domain", "bogus-tlsa.test", "--json"], definition: "domain"),
        Case(arguments: ["domain", "dane.sts.test", "--json", "--ca-file", MTASTSTests.root],
             definition: "domain"),
        Case(arguments: ["domain", "--probe", "firstfails.dane.test", "--json"], definition: "domain"),
        Case(arguments: ["probe", "ee311.dane.test", "--json", "--show-chain"], definition: "probe"),
        Case(arguments: ["probe", "mixedcert.dane.test", "--json"], definition: "probe"),
        Case(arguments: ["probe", "mx.bogus-a.test", "--json"], definition: "probe"),
        Case(arguments: ["probe", "--tlsa", "3 1 1 " + String(repeating: "00", count: 32), "[127.0.10.1]", "--json"], definition: "probe"),
        Case(arguments: ["check", "ee311.mx.dane.test", "nullmx.test", "deferred.dane.test", "--json"], definition: "check"),
        Case(arguments: ["check", "ee311.mx.dane.test", "lame.test", "--jsonl"], definition: "check_domain", lines: true),
        Case(arguments: ["chain", "ee311.dane.test", "A", "--json", "--trust-anchor", LocalValidationTests.anchorFile], definition: "chain"),
        Case(arguments: ["chain", "bogus-mx.test", "MX", "--json", "--trust-anchor", LocalValidationTests.anchorFile], definition: "chain"),
        Case(arguments: ["tlsa", "create", "ee311.dane.test", "--json"], definition: "tlsa_create"),
        Case(arguments: ["tlsa", "verify", "ee311.dane.test", "--json"], definition: "tlsa_verify"),
        Case(arguments: ["tlsa", "verify", "mx.bogus-tlsa.test", "--json", "--cert", TLSACreateTests.pki("ee311.chain")], definition: "tlsa_verify"),
        Case(arguments: ["probe", "ta-inter.dane.test", "--json"], definition: "probe"),
    ]

    static func validate(_ output: String, definition: String?, lines: Bool = false) async throws -> (status: Int32, output: String) {
        try await CLI.tool("/usr/bin/python3", [PackageRoot.url.appendingPathComponent("scripts/validate-json.py").path]
                     + (definition.map { ["--def", $0] } ?? []) + (lines ? ["--lines"] : []), input: output)
    }

    @Test(arguments: cases) func outputMatchesTheSchema(_ testCase: Case) async throws {
        let result = try await CLI.run(testCase.arguments + Self.resolver)
        #expect(!result.stdout.isEmpty, "\(result.stderr)")
        let byDefinition = try await Self.validate(result.stdout, definition: testCase.definition, lines: testCase.lines)
        #expect(byDefinition.status == 0, "\(byDefinition.output)")
        // The top level of the schema takes every command's document (and every JSON Lines record).
        let anyDocument = try await Self.validate(result.stdout, definition: nil, lines: testCase.lines)
        #expect(anyDocument.status == 0, "\(anyDocument.output)")
    }

    @Test func theValidatorRejectsAKeyTheSchemaDoesNotName() async throws {
        let result = try await CLI.run(["probe", "ee311.dane.test", "--json"] + Self.resolver)
        let renamed = result.stdout.replacingOccurrences(of: "\"connect_ms\"", with: "\"connectMs\"")
        #expect(renamed != result.stdout)
        let checked = try await Self.validate(renamed, definition: "probe")
        #expect(checked.status == 1)
        #expect(checked.output.contains("connectMs"))
    }

    @Test func everyDocumentNamesItsSchemaVersionAndCommandFirst() async throws {
        let probe = try await CLI.run(["probe", "ee311.dane.test", "--json"] + Self.resolver)
        #expect(probe.stdout.hasPrefix("{\n  \"schema_version\": 1,\n  \"command\": \"probe\",\n  \"host\": \"ee311.dane.test\",\n  \"verdict\": "))
        let lines = try await CLI.run(["check", "ee311.mx.dane.test", "--jsonl"] + Self.resolver)
        #expect(lines.stdout.hasPrefix("{\"schema_version\":1,\"domain\":\"ee311.mx.dane.test\",\"verdict\":\"authenticated\","))
    }
}
