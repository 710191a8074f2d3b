import Foundation
import Testing
import TestSupport

/// The console: scripted (stdin not a terminal) transcripts, and a real pseudo-terminal driven
/// by pexpect (Tests/console/console_pty.py).
@Suite(.sandbox) struct ConsoleTests {
    @Test func scriptedSessionWithoutPromptOrEcho() async throws {
        let script = """
            set resolver 127.53.0.2
            dig example.test
            domain example.test
            dns_cache lookup example.test MX
            show settings
            quit
            domain never.reached.test
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.status == 0)
        let lines = result.lines
        try #require(lines.count >= 3, "\(result.stdout)")
        #expect(lines[0] == "resolver set to 127.53.0.2", "no banner and no prompt when stdin is not a terminal")
        #expect(lines[1] == "submitted")
        #expect(lines[2].hasPrefix("Domain 'example.test' has 2 MXs and a TTL of "))
        #expect(result.stdout.contains("example.test. MX secure records TTL:"))
        #expect(result.stdout.contains("resolver 127.53.0.2\ntimeout 5s\nvalidation resolver\ntrust_anchor (/usr/share/dns/root.key)\nuse_dane on\n"))
        #expect(!result.stdout.contains("never.reached"), "quit ends the script")
    }

    @Test func helpIsPrintedLineByLineAsOnTheCommandLine() async throws {
        let console = try await CLI.run(["console"], stdin: "help domain\ndomain --help\n")
        let cli = try await CLI.run(["domain", "--help"])
        #expect(console.status == 0)
        #expect(!console.stdout.contains("\\n"), "line ends shown escaped")
        #expect(console.stdout.components(separatedBy: "OVERVIEW:").count == 3)
        #expect(console.stdout.contains(cli.stdout), "the same help as the command line")
    }

    @Test func exitStatusIsThatOfTheLastFailingCommand() async throws {
        let script = """
            set resolver 127.53.0.2
            check nullmx.test
            domain example.test
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.status == 4, "check nullmx.test failed with 4; the domain after it succeeded")
        let clean = try await CLI.run(["console"], stdin: "set resolver 127.53.0.2\ndomain example.test\n")
        #expect(clean.status == 0)
        let bad = try await CLI.run(["console"], stdin: "set colour blue\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("danecheck: error: unknown setting 'colour'"))
    }

    @Test func settingsAreAppliedToCommands() async throws {
        let script = """
            set resolver 127.53.0.2
            set tls required
            set timeout \(Sandbox.timeout)
            check notlsa.mx.dane.test plain.mx.dane.test
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.stdout.contains("notlsa.mx.dane.test: encrypted via notlsa.dane.test"))
        #expect(result.stdout.contains("plain.mx.dane.test: defer: plain.dane.test: STARTTLS not offered; tls=required"))
        #expect(result.status == 1)
    }

    @Test func tlsaVerifyTakesTheSettingsToo() async throws {
        let script = """
            set resolver 127.53.0.2
            tlsa verify ee311.dane.test
            tlsa verify ee311.dane.test --cert \(TLSACreateTests.pki("paired.chain"))
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.stdout.contains("\npass: 3 1 1 "), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\nfail: no TLSA record matches (3 1 1 at depth 0 expected "))
        #expect(result.status == 1, "the last command failed")
    }

    @Test func addressStatisticsAccumulateAcrossCommands() async throws {
        let script = """
            set resolver 127.53.0.2
            set timeout \(Sandbox.timeout)
            domain --probe deferred.dane.test
            probe ee311.dane.test
            domain deferred.dane.test
            domain dane.test
            """
        let result = try await CLI.run(["console"], stdin: script)
        let lines = result.lines
        // The silent peer failed in the first command (marked, its verdict below it: no "since
        // failure" for the probe just made); the later `domain` (no probe) still marks it and
        // counts the time since that failure.
        let marked = lines.filter { $0.hasPrefix(" *      [127.0.11.1]:25 IPv4 (") }
        try #require(marked.count == 2, "\(result.stdout)")
        #expect(!marked[0].contains("since failure") && marked[1].hasSuffix("s since failure"), "\(marked)")
        // ee311 was probed by `probe`: `domain dane.test` shows its times and marks it as next.
        #expect(lines.contains { $0.range(of: #"^ =>     \[127\.0\.10\.1\]:25 IPv4 \(\d+\.\d\dms con [1-9]\d*\.\d\dms dlv\)$"#, options: .regularExpression) != nil },
                "\(result.stdout)")
        #expect(lines.contains("        [127.0.10.10]:25 IPv4 (0.00ms con 0.00ms dlv)"), "never probed: no figures")
    }

    @Test func cacheCommandsAndDebug() async throws {
        let script = """
            set resolver 127.53.0.2
            dns_cache submit nsec.test MX
            domain nsec.test
            dns_cache list
            # a comment line
            dns_cache lookup nsec.test AAAA
            dns_cache lookup _25._tcp.mx.nsec.test TLSA
            debug dns on
            domain nsec3.test
            debug dns off
            refresh domain all
            dns_cache list
            dns_cache stats
            help dig
            """
        let result = try await CLI.run(["console"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("submitted\n"))
        #expect(out.contains("nsec.test. MX secure records TTL:"))
        #expect(out.contains("mx.nsec.test. AAAA secure nodata TTL:"))
        #expect(out.contains("_25._tcp.mx.nsec.test. TLSA secure nxdomain TTL:"))
        #expect(out.contains("nsec.test. AAAA is not in the cache"))
        #expect(out.components(separatedBy: "_25._tcp.mx.nsec.test. TLSA secure nxdomain TTL:").count == 3, "listed, then looked up")
        #expect(out.contains("cache emptied\n"))
        #expect(result.stderr.contains("dns: 127.53.0.2 nsec3.test. MX rd,do rcode=NOERROR ad=1"), "debug dns on traces queries")
        #expect(!result.stderr.contains("dns: 127.53.0.2 nsec.test. MX"), "answered from the cache: not sent, not traced")
        #expect(out.contains("sent to a resolver: "))
        #expect(out.contains("dig DOMAIN                 look up the MX RRset into the cache"))
        // After `refresh domain all` the list is empty: nothing between "cache emptied" and the stats.
        let afterEmpty = out.components(separatedBy: "cache emptied\n").last ?? ""
        #expect(afterEmpty.hasPrefix("questions: "), "\(afterEmpty.prefix(200))")
    }

    @Test func theSameTreeAsTheCommandLine() async throws {
        let result = try await CLI.run(["console"], stdin: "help domain\ndomian x.test\nconsole\n")
        #expect(result.stdout.contains("USAGE: danecheck domain [<options>] <domain>"))
        #expect(result.stderr.contains("danecheck: error: unknown command 'domian' (did you mean 'domain'?)\n"), "the CLI's message")
        #expect(result.stderr.contains("danecheck: error: already in the console"))
    }

    /// The history file keeps the last 1000 lines (README): a file of 1500 is read, and saved
    /// again after one more command as its newest 1000 (the first 501 dropped); a file larger
    /// than 1 MiB is not read, and says so.
    @Test func theHistoryKeepsItsLast1000LinesAndSkipsAHugeFile() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("history-cap-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        let script = """
            import os, sys, pexpect
            state, binary = sys.argv[1], sys.argv[2]
            os.makedirs(os.path.join(state, "danecheck"), exist_ok=True)
            path = os.path.join(state, "danecheck", "history")
            def session(expect_warning):
                c = pexpect.spawn(binary, ["console"], env=dict(os.environ, XDG_STATE_HOME=state, HOME=state, TERM="vt100"),
                                  encoding="utf-8", timeout=10)
                if expect_warning:
                    c.expect("the console history .* is larger than 1 MiB: not read")
                c.expect("danecheck> ")
                c.sendline("show settings")
                c.expect("danecheck> ")
                c.sendeof()
                c.expect(pexpect.EOF)
            with open(path, "w") as f:
                f.write("_HiStOrY_V2_\\n" + "".join("set\\\\040timeout\\\\040%d\\n" % (i + 1) for i in range(1500)))
            session(False)
            lines = open(path).read().splitlines()
            print("kept %d: %s .. %s" % (len(lines) - 1, lines[1], lines[-1]))
            with open(path, "w") as f:
                f.write("_HiStOrY_V2_\\n" + ("set\\\\040timeout\\\\0403\\n" * 80000))
            session(True)
            print("huge file left as it was: %s" % (os.path.getsize(path) > 1 << 20))
            """
        let result = try await CLI.tool("/usr/bin/python3", ["-c", script, state.path, CLI.executable.path], input: "")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("kept 1000: set\\040timeout\\040502 .. show\\040settings\n"), "\(result.output)")
        #expect(result.output.contains("huge file left as it was: "), "\(result.output)")
    }

    @Test func onARealTerminal() async throws {
        let script = GeneratedDocsTests.root.appendingPathComponent("Tests/console/console_pty.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, CLI.executable.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = try await OwnThread.run { () throws -> Data in
            defer { process.waitUntilExit() }
            return try output.fileHandleForReading.readToEnd() ?? Data()
        }
        let text = String(decoding: log, as: UTF8.self)
        #expect(process.terminationStatus == 0, "console_pty.py failed:\n\(text.suffix(3000))")
        #expect(text.contains("console_pty: all steps passed"))
    }
}
