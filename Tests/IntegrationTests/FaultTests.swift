import DaneCore
import Foundation
import Synchronization
import Testing
import TestSupport

/// Faults injected into the real sandbox mid-run (they stop and start its servers, so they run
/// alone, after the rest: `make test` runs them with DANECHECK_FAULTS=1). Each must end in a
/// clear verdict for the affected domains, the verdict of a run without the fault for the others,
/// the documented exit code, and no crash or hang.
@Suite(.sandbox, .faults, .serialized) struct FaultTests {
    static let sandbox = PackageRoot.url.appendingPathComponent("sandbox/sandbox.sh").path

    /// Sandbox domains with a settled verdict (every SMTP case under mx.dane.test but the slow
    /// and silent ones), and a few others.
    static func domains() throws -> [String] {
        let zone = try String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("zones/dane.test.zone"), encoding: .utf8)
        let cases = zone.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(".mx 3600 IN MX"), let label = line.split(separator: " ").first else { return nil }
            let name = String(label)
            return ["h-silent", "h-drip", "h-slow", "h-slowtls"].contains { name.hasPrefix($0) } ? nil : "\(name).dane.test"
        }
        let list = Array(Set(cases)).sorted() + ["nullmx.test", "bogus-mx.test", "good.rpt.test", "example.test"]
        #expect(list.count >= 38, "the SMTP cases of zone dane.test: \(list)")
        return list
    }

    /// One domain's line of a `check --jsonl` run.
    struct Line: Equatable {
        let verdict: String
        let exitClass: String
        let reason: String
        /// Every address of its MX hosts.
        let addresses: [String]

        /// Behind the sandbox's Postfix (127.0.10.N), and nothing else.
        var onlyPostfix: Bool { !addresses.isEmpty && addresses.allSatisfy { $0.hasPrefix("127.0.10.") } }
        var nothingOnPostfix: Bool { !addresses.contains { $0.hasPrefix("127.0.10.") } }
    }

    /// Each line of a run, in order (a domain met twice is kept twice, for the check that every
    /// input is answered once).
    static func lines(_ jsonl: String) throws -> [(domain: String, line: Line)] {
        try jsonl.split(separator: "\n").map { text in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
            let hosts = (object["details"] as? [String: Any])?["hosts"] as? [[String: Any]] ?? []
            let addresses = hosts.flatMap { ($0["addresses"] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String } }
            return (try #require(object["domain"] as? String),
                    Line(verdict: object["verdict"] as? String ?? "", exitClass: object["exit_class"] as? String ?? "",
                         reason: object["reason"] as? String ?? "", addresses: addresses))
        }
    }

    /// The exit code of a batch from its lines: the first class that applies in the order
    /// indeterminate (3), no mail (4), deferred (1) (README, "Verdicts and exit codes").
    static func exitCode(_ lines: [String: Line]) -> Int32 {
        let classes = Set(lines.values.map(\.exitClass))
        return classes.contains("indeterminate") ? 3 : classes.contains("no-mail") ? 4 : classes.contains("deferred") ? 1 : 0
    }

    static func check(_ domains: [String], _ options: [String] = []) async throws -> CLI.Result {
        try await CLI.run(["check", "--jsonl", "--resolver", Sandbox.validating, "--timeout", "1"] + options + domains)
    }

    /// A run of `domains` with what holds whatever the fault: every domain answered exactly once
    /// (nothing lost, nothing twice), no "authenticated" that the run without the fault did not
    /// have, and the exit code its own lines give. The lines by domain.
    static func judged(_ result: CLI.Result, domains: [String], baseline: [String: Line]) throws -> [String: Line] {
        let found = try lines(result.stdout)
        #expect(found.map(\.domain).sorted() == domains.sorted(), "every domain answered once: \(result.stderr.suffix(400))")
        let byDomain = Dictionary(found, uniquingKeysWith: { first, _ in first })
        for (domain, line) in byDomain where line.verdict == "authenticated" {
            #expect(baseline[domain]?.verdict == "authenticated", "\(domain): authenticated under a fault only")
        }
        #expect(result.status == exitCode(byDomain), "the exit code follows the lines: \(result.stderr.suffix(400))")
        return byDomain
    }

    /// The run without a fault, every domain in it.
    static func baseline(_ domains: [String]) async throws -> [String: Line] {
        let run = try await check(domains, ["--timeout", Sandbox.timeout])
        let found = try lines(run.stdout)
        try #require(found.map(\.domain).sorted() == domains.sorted(), "the run without a fault: \(run.stderr.suffix(400))")
        return Dictionary(found, uniquingKeysWith: { first, _ in first })
    }

    /// `server` stopped while `body` runs, and started again after it, also when it throws: a
    /// fault test never leaves the sandbox broken for the next.
    static func withServerDown<T>(_ server: String, _ body: () async throws -> T) async throws -> T {
        try await action("down", server)
        do {
            let value = try await body()
            try await action("up", server)
            return value
        } catch {
            try? await action("up", server)
            throw error
        }
    }

    static func action(_ action: String, _ name: String) async throws {
        let result = try await CLI.tool("/bin/bash", [sandbox, action, name], input: "")
        try #require(result.status == 0, "sandbox.sh \(action) \(name): \(result.output)")
    }

    /// The validating resolver down: every domain (none of them is cached by the tool, which
    /// asks this resolver only) is indeterminate, with the timeout that says which server did
    /// not answer, and the run exits 3. Started again, the same run gives the verdicts of before.
    @Test func theResolverDownMakesEveryDomainIndeterminateAndUpAgainAsBefore() async throws {
        let domains = try Self.domains()
        let baseline = try await Self.baseline(domains)
        let down = try await Self.withServerDown("validating") {
            try await Self.check(domains, ["--retries", "0"])
        }
        let during = try Self.judged(down, domains: domains, baseline: baseline)
        for (domain, line) in during {
            #expect(line.exitClass == "indeterminate", "\(domain): \(line)")
            #expect(line.reason.contains("timeout: no answer from 127.53.0.2"), "\(domain): \(line.reason)")
        }
        #expect(down.status == 3)
        let after = try Self.judged(try await Self.check(domains, ["--timeout", Sandbox.timeout]), domains: domains, baseline: baseline)
        for (domain, line) in after {
            #expect(line.verdict == baseline[domain]?.verdict && line.exitClass == baseline[domain]?.exitClass,
                    "\(domain): \(line.verdict) (\(line.reason)), without the fault \(baseline[domain]?.verdict ?? "-")")
        }
    }

    /// Postfix down: every domain whose MX hosts all sit behind it defers, because the
    /// connection was refused; every domain with no host there keeps its verdict; nothing is
    /// said about this network's port 25 (the hostile peers beside it still accept connections).
    /// Postfix up again: the verdicts of before.
    @Test func postfixDownDefersItsDomainsOnlyAndUpAgainAsBefore() async throws {
        let domains = try Self.domains()
        let baseline = try await Self.baseline(domains)
        let onPostfix = baseline.filter { $0.value.onlyPostfix }.keys
        let elsewhere = baseline.filter { $0.value.nothingOnPostfix }.keys
        #expect(onPostfix.count >= 20 && elsewhere.count >= 6, "\(onPostfix.count) on Postfix, \(elsewhere.count) elsewhere")
        #expect(onPostfix.count + elsewhere.count == domains.count, "no domain has hosts on both")
        let down = try await Self.withServerDown("postfix") {
            try await Self.check(domains, ["--timeout", Sandbox.timeout])
        }
        let during = try Self.judged(down, domains: domains, baseline: baseline)
        for domain in onPostfix {
            let line = try #require(during[domain])
            #expect(line.verdict == "defer" && line.exitClass == "deferred", "\(domain): \(line)")
            #expect(line.reason.localizedCaseInsensitiveContains("refused"), "\(domain): \(line.reason)")
        }
        for domain in elsewhere {
            #expect(during[domain]?.verdict == baseline[domain]?.verdict, "\(domain): \(String(describing: during[domain]))")
        }
        #expect(!down.stderr.contains("port 25"), "\(down.stderr)")
        let after = try Self.judged(try await Self.check(domains, ["--timeout", Sandbox.timeout]), domains: domains, baseline: baseline)
        #expect(after.mapValues(\.verdict) == baseline.mapValues(\.verdict))
    }

    /// The fraction of 200 DNS queries to the validating resolver that uid `uid` gets answered
    /// within 300 ms each: the control that the sandbox's packet loss is in force.
    static func answeredFraction(uid: Int) async throws -> Double {
        let script = """
            import socket, struct, sys
            answered = 0
            for i in range(200):
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.3)
                query = struct.pack(">HHHHHH", i, 0x0100, 1, 0, 0, 0) + b"\\x07example\\x04test\\x00" + struct.pack(">HH", 6, 1)
                try:
                    s.sendto(query, ("\(Sandbox.validating)", 53))
                    if s.recv(4096)[:2] == struct.pack(">H", i): answered += 1
                except (socket.timeout, PermissionError):
                    pass  # lost on the way back, or dropped on the way out (the filter says EPERM)
                s.close()
            print(answered)
            """
        let run = try await CLI.tool("/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "/usr/bin/python3", "-c", script], input: "")
        return Double(try #require(Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)), "\(run.output)")) / 200
    }

    /// A quarter of the packets lost both ways (uid 64026 in the sandbox's nftables table), at
    /// random. Which domains it hits is chance; what must hold is not: the loss is in force (its
    /// control: about 56 % of single queries answered, against all of them for another uid),
    /// every domain is answered once, nothing is authenticated that was not before, a domain
    /// that changed says so by a timeout, a reset or a closed connection (never a wrong DANE
    /// verdict), and the exit code is the one its lines give.
    @Test func aQuarterOfThePacketsDroppedAtRandom() async throws {
        let lossy = try await Self.answeredFraction(uid: 64026)
        let clean = try await Self.answeredFraction(uid: 64027)
        #expect(clean == 1, "without the loss every query is answered")
        #expect(lossy > 0.25 && lossy < 0.9, "\(lossy) of the queries answered under a 25 % loss both ways")
        let domains = Array(try Self.domains().prefix(12))
        let baseline = try await Self.baseline(domains)
        let run = try await CLI.tool("/usr/bin/setpriv", ["--reuid=64026", "--regid=64026", "--clear-groups", CLI.executable.path,
                                                          "check", "--jsonl", "--resolver", Sandbox.validating, "--timeout", "2"] + domains,
                                     input: "")
        #expect(!run.output.contains("Fatal error"))
        let jsonl = run.output.split(separator: "\n").filter { $0.hasPrefix("{") }.joined(separator: "\n")
        let found = try Self.judged(CLI.Result(status: run.status, stdout: jsonl, stderr: run.output, seconds: 0),
                                    domains: domains, baseline: baseline)
        for (domain, line) in found where line.verdict != baseline[domain]?.verdict {
            let byLoss = ["timeout", "closed", "reset", "no answer", "Operation not permitted"].contains { line.reason.contains($0) }
            #expect(byLoss && ["indeterminate", "deferred"].contains(line.exitClass),
                    "\(domain): \(line.verdict) (\(line.reason)), without the loss \(baseline[domain]?.verdict ?? "-")")
        }
    }

    /// `check … | head -1`: the batch stops once its reader has gone (it counts fewer than the
    /// 3,000 domains it was given), without a crash, and the first line is the first domain's.
    @Test func stdoutClosedEarlyStopsTheBatch() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try (1...3000).map { "h\($0).wild.test" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let script = "\(CLI.executable.path) check --resolver \(Sandbox.validating) --timeout 2 --file \(file.path) 2>\(file.path).err | head -1; "
            + "echo \"status ${PIPESTATUS[0]}\"; tail -2 \(file.path).err; rm -f \(file.path).err"
        let result = try await CLI.tool("/bin/bash", ["-c", script], input: "")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("h1.wild.test: ") == true, "\(result.output)")
        #expect(!result.output.contains("Fatal error"))
        let status = try #require(lines.first { $0.hasPrefix("status ") }, "\(result.output)")
        #expect(status == "status 1", "the exit code of the domains it checked (each defers: mx.wild.test refuses)")
        let summary = try #require(lines.first { $0.contains(" domains: ") }, "the run says how far it got: \(result.output)")
        let counted = try #require(Int(summary.split(separator: " ").first ?? ""), "\(summary)")
        #expect(counted < 3000, "the batch stopped once its reader had gone: \(result.output)")
    }

    /// The console's history file on a full disk (a symlink to /dev/full: every write fails with
    /// ENOSPC): said once, on a real terminal, and the console goes on. (Before, libedit read the
    /// device forever at start-up: the console hung.)
    @Test func aFullDiskForTheHistoryFileIsSaidOnce() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state.appendingPathComponent("danecheck"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: state.appendingPathComponent("danecheck/history").path, withDestinationPath: "/dev/full")
        // The whole session is kept (logfile_read): a second warning anywhere in it is caught,
        // also one printed before the line that follows it (history is saved before a line runs).
        let script = """
            import io, os, sys, time, pexpect
            c = pexpect.spawn(sys.argv[1], ["console"], env=dict(os.environ, XDG_STATE_HOME=sys.argv[2], HOME=sys.argv[2], TERM="vt100"),
                              encoding="utf-8", timeout=10, dimensions=(40, 200))
            seen = io.StringIO()
            c.logfile_read = seen
            c.expect("the console history .* is not a regular file: not read")
            c.expect("danecheck> ")
            c.sendline("show settings")
            c.expect("could not be saved to .*No space left on device")
            c.expect("danecheck> ")
            c.sendline("set timeout 3")
            c.expect("timeout set to 3")
            c.expect("danecheck> ")
            c.sendline("show settings")
            c.expect("timeout +3")
            c.expect("danecheck> ")
            c.sendeof()
            c.expect(pexpect.EOF)
            c.close()
            print("warnings: %d" % seen.getvalue().count("could not be saved"))
            sys.exit(c.exitstatus or 0)
            """
        let result = try await CLI.tool("/usr/bin/python3", ["-c", script, CLI.executable.path, state.path], input: "")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("warnings: 1\n"), "\(result.output)")
    }

    /// The clock moved past the RRSIGs' expiry mid-run (local validation's injected clock), against
    /// the sandbox's real answers: what validated a moment ago is bogus, and says why.
    @Test func theClockMovedPastSignatureExpiry() async throws {
        let later = Mutex<Bool>(false)
        let transport = ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.validating)], timeout: 2)
        let validator = LocalValidator(transport: transport, anchors: try LocalValidationTests.anchors()) {
            later.withLock { $0 } ? Date(timeIntervalSince1970: 2_117_000_000) : Date()  // 2037-02-01: after every sandbox RRSIG
        }
        let now = DNSLookupService(transport: transport, validation: .local(validator))
        #expect(await now.lookup(DNSName(dnsText: "ee311.mx.dane.test"), .mx).status == .secure)
        later.withLock { $0 = true }
        let after = DNSLookupService(transport: transport, validation: .local(validator))
        let lookup = await after.lookup(DNSName(dnsText: "notlsa.mx.dane.test"), .mx)
        #expect(lookup.status == .bogus)
        #expect(lookup.failureReason?.contains("expired") == true, "\(lookup.failureText)")
    }

    /// The main nameserver stops answering (last: the resolver remembers it for a while): names
    /// the resolver has cached keep their verdicts, names not yet cached are indeterminate. When
    /// it answers again, the resolver finds it (within 20 s), for whatever runs next.
    @Test func theNameserverStopsAnswering() async throws {
        let cached = ["ee311.mx.dane.test", "notlsa.mx.dane.test"]
        let fresh = (1...6).map { "n\($0)-\(UInt32.random(in: 0...UInt32.max)).wild.test" }
        let baseline = try await Self.baseline(cached)  // and now in the resolver's cache
        #expect(baseline.mapValues(\.verdict) == ["ee311.mx.dane.test": "authenticated", "notlsa.mx.dane.test": "opportunistic"])
        let result = try await Self.withServerDown("nsd") { try await Self.check(cached + fresh) }
        let found = try Self.judged(result, domains: cached + fresh, baseline: baseline)
        #expect(found.filter { cached.contains($0.key) }.mapValues(\.verdict) == baseline.mapValues(\.verdict))
        for name in fresh {
            #expect(found[name]?.exitClass == "indeterminate", "\(name): \(String(describing: found[name]))")
        }
        #expect(result.status == 3)
        var recovered: Line?
        for _ in 0..<40 {
            let name = "n-\(UInt32.random(in: 0...UInt32.max)).wild.test"
            let line = try Self.lines(try await Self.check([name]).stdout).first?.line
            if let line, line.exitClass != "indeterminate" { recovered = line; break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(recovered?.verdict == "defer" && recovered?.reason.contains("mx.wild.test") == true,
                "a fresh name under wild.test is answered again: \(String(describing: recovered))")
    }
}
