import Foundation
import Testing

/// Bad input: one line on stderr and exit 2, before any query is sent (no sandbox needed:
/// the resolver given is the silent one, and nothing may reach it).
@Suite struct InputErrorTests {
    @Test(arguments: [
        ("", "danecheck: error: empty domain name\n"),
        ("a..b", "danecheck: error: invalid domain name 'a..b': empty label\n"),
        (String(repeating: "a", count: 64) + ".test",
         "danecheck: error: invalid domain name '\(String(repeating: "a", count: 64)).test': a label has 64 octets (at most 63)\n"),
        ("192.0.2.1", "danecheck: error: '192.0.2.1' is an IP address literal, not a domain name\n"),
        ("[2001:db8::1]", "danecheck: error: '[2001:db8::1]' is an IP address literal, not a domain name\n"),
        ("mail example.test", "danecheck: error: invalid domain name 'mail example.test': contains spaces or control characters\n"),
        ("example.test\r\n", "danecheck: error: invalid domain name 'example.test\\r\\n': contains spaces or control characters\n"),
        ("ex_ample.test", "danecheck: error: invalid domain name 'ex_ample.test': character '_' is not a letter, digit or hyphen\n"),
    ])
    func invalidDomainNames(name: String, message: String) async throws {
        let result = try await CLI.run(["domain", "--resolver", "127.53.0.5", "--timeout", "1", "--debug", "dns", "--", name])
        #expect(result.status == 2)
        #expect(result.stderr == message, "one line, and no query traced: none may be sent for bad input")
        #expect(result.stdout.isEmpty)
    }

    @Test func nameOver253Octets() async throws {
        let label = String(repeating: "a", count: 63)
        let name = [label, label, label, label].joined(separator: ".")
        let result = try await CLI.run(["domain", "--resolver", "127.53.0.5", name])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("255 octets long (at most 253)\n"))
    }

    @Test(arguments: [
        (["domain", "--resolver", "dns.example", "x.test"], "danecheck: error: resolver 'dns.example' is not an IP address (give ADDR or ADDR@PORT; names are not resolved)\n"),
        (["domain", "--resolver", "127.0.0.1@99999", "x.test"], "danecheck: error: resolver '127.0.0.1@99999' has an invalid port (1-65535)\n"),
        (["domain", "--timeout", "0", "x.test"], "danecheck: error: --timeout must be more than 0 and at most 300 seconds, got 0.0\n"),
        (["domain", "--retries", "9", "x.test"], "danecheck: error: --retries must be from 0 to 5, got 9\n"),
        (["domain", "--debug", "dns,bogus", "x.test"], "danecheck: error: unknown debug category 'bogus' (valid: dns, smtp, tls, dane, all)\n"),
        (["domain"], "danecheck: error: Missing expected argument '<domain>'\n"),
        (["domian", "x.test"], "danecheck: error: 2 unexpected arguments: 'domian', 'x.test'\n"),
    ])
    func badOptionsAreOneLineAndExit2(arguments: [String], message: String) async throws {
        let result = try await CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == message)
    }

    @Test func helpAnswersWithExitCodesAndGoesToStdout() async throws {
        let result = try await CLI.run(["domain", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: danecheck domain [<options>] <domain>"))
        #expect(result.stdout.contains("4  the domain does not exist or accepts no mail"))
        #expect(result.stdout.contains("--resolver <addr[@port]>"))
    }
}
