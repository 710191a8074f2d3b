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
        (["domian", "x.test"], "danecheck: error: unknown command 'domian' (did you mean 'domain'?)\n"),
        (["chekc"], "danecheck: error: unknown command 'chekc' (did you mean 'check'?)\n"),
        (["example.com"], "danecheck: error: unknown command 'example.com' (commands: domain, probe, check, summary, chain, tlsa, tlsrpt, exporter, console; see 'danecheck --help')\n"),
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
        #expect(result.stdout.contains("EXIT STATUS (every command)\n  0  mail is delivered"))
        #expect(result.stdout.contains("  4  no mail: the domain or host does not exist (NXDOMAIN), null MX,"))
        #expect(result.stdout.contains("VERDICTS (every command that probes"))
        #expect(result.stdout.contains("--resolver <addr[@port]>"))
    }

    /// Unbounded or wrong local input: a clear line and exit 2, quickly, never a crash.
    @Test func endlessOrBinaryInputEndsQuicklyWithTheLine() async throws {
        let zero = try await CLI.run(["check", "--resolver", "127.53.0.5", "--timeout", "1", "--file", "/dev/zero"])
        #expect(zero.status == 2)
        #expect(zero.stderr == "danecheck: error: /dev/zero:1: no end of line within 1 MiB: the rest is not read\ndanecheck: error: no domain to check (/dev/zero holds none)\n")
        #expect(zero.seconds < 10)
        let nuls = try await CLI.run(["check", "--resolver", "127.53.0.5", "--timeout", "1", "--file", "-"],
                                     stdin: String(repeating: "\0", count: 5_000_000))
        #expect(nuls.status == 2)
        #expect(nuls.stderr.hasPrefix("danecheck: error: stdin:1: no end of line within 1 MiB"))
    }

    @Test func aHugeInputLineIsQuotedShort() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-long-\(UUID().uuidString)")
        try Data((String(repeating: "a", count: 3000) + "\n" + String(repeating: "b", count: 10_000_000) + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await CLI.run(["check", "--resolver", "127.53.0.5", "--timeout", "1", "--file", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 800, "\(result.stderr.utf8.count) octets")
        #expect(result.stderr.contains(":1: invalid domain name 'aaaa"))
        #expect(result.stderr.contains(":2: no end of line within 1 MiB: the rest is not read"))
        let argument = try await CLI.run(["domain", "--resolver", "127.53.0.5", String(repeating: "c", count: 100_000)])
        #expect(argument.status == 2)
        #expect(argument.stderr.utf8.count < 300)
    }

    @Test func aBatchWithNoDomainOrADirectoryIsAUsageError() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-empty-\(UUID().uuidString)")
        try Data("# nothing\n\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try await CLI.run(["check", "--resolver", "127.53.0.5", "--file", empty.path])
        #expect(none.status == 2)
        #expect(none.stderr == "danecheck: error: no domain to check (\(empty.path) holds none)\n")
        let directory = try await CLI.run(["check", "--resolver", "127.53.0.5", "--file", "/tmp"])
        #expect(directory.status == 2)
        #expect(directory.stderr == "danecheck: error: --file /tmp is a directory, not a file of domains\n")
    }

    @Test(arguments: [
        (["domain", "--timeout", "-1", "x.test"], "danecheck: error: --timeout must be more than 0 and at most 300 seconds, got -1.0\n"),
        (["check", "--concurrency", "-5", "x.test"], "danecheck: error: --concurrency must be from 1 to 1000\n"),
        (["probe", "--port", "-1", "x.test"], "danecheck: error: The value '-1' is invalid for '--port <port>'\n"),
    ])
    func negativeNumbersAreValuesThatAreChecked(arguments: [String], message: String) async throws {
        let result = try await CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == message)
    }
}
