import Foundation
import Testing

/// many.test: 100 MX hosts, none listening. Its line groups the one cause and names the first
/// and last host; JSON and `check -v` keep every host.
@Suite(.sandbox) struct ManyHostsDeferralTests {
    @Test func oneLineForAHundredHostsAndEveryHostInJSONAndVerbose() async throws {
        let arguments = ["many.test", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]
        let text = try await CLI.run(["check"] + arguments)
        let line = "many.test: defer: every MX host defers: all 100 hosts: connect failed: Connection refused (mx1.many.test … mx100.many.test)"
        #expect(text.stdout.split(separator: "\n").first.map(String.init) == line, "\(text.stdout)")
        #expect(line.count < 300)
        #expect(text.status == 1)
        let json = try await CLI.run(["check", "--json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let domain = try #require((object["domains"] as? [[String: Any]])?.first)
        #expect(domain["reason"] as? String == String(line.dropFirst("many.test: defer: ".count)))
        #expect(((domain["details"] as? [String: Any])?["hosts"] as? [Any])?.count == 100)
        let verbose = try await CLI.run(["check", "-v"] + arguments)
        let hostLines = verbose.stdout.split(separator: "\n").filter { $0.hasPrefix("  [") && $0.contains(".many.test] defer: ") }
        #expect(hostLines.count == 100, "\(verbose.stdout.prefix(2000))")
    }
}
