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
    static let domains: [String] = {
        let zone = (try? String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("zones/dane.test.zone"), encoding: .utf8)) ?? ""
        let cases = zone.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(".mx 3600 IN MX"), let label = line.split(separator: " ").first else { return nil }
            let name = String(label)
            return ["h-silent", "h-drip", "h-slow", "h-slowtls"].contains { name.hasPrefix($0) } ? nil : "\(name).dane.test"
        }
        return Array(Set(cases)).sorted() + ["nullmx.test", "bogus-mx.test", "good.rpt.test", "example.test"]
    }()

    static func server(_ action: String, _ name: String) async throws {
        let result = try await CLI.tool("/bin/bash", [sandbox, action, name], input: "")
        #expect(result.status == 0, "sandbox.sh \(action) \(name): \(result.output)")
    }

    /// domain → (verdict, exit class) of a --jsonl run.
    static func verdicts(_ jsonl: String) -> [String: (verdict: String, exitClass: String, reason: String)] {
        var found: [String: (String, String, String)] = [:]
        for line in jsonl.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let domain = object["domain"] as? String else { continue }
            found[domain] = (object["verdict"] as? String ?? "", object["exit_class"] as? String ?? "", object["reason"] as? String ?? "")
        }
        return found
    }

    static func check(_ domains: [String], _ options: [String] = []) async throws -> CLI.Result {
        try await CLI.run(["check", "--jsonl", "--resolver", Sandbox.validating, "--timeout", "1"] + options + domains)
    }

    /// Every domain answered; each as without the fault, or `allowed` says why not.
    static func judge(_ result: CLI.Result, baseline: [String: (verdict: String, exitClass: String, reason: String)],
                      allowed: (String, String, String) -> Bool) -> (changed: Int, same: Int) {
        let found = verdicts(result.stdout)
        #expect(Set(found.keys) == Set(baseline.keys), "every domain has its line")
        var changed = 0, same = 0
        for (domain, now) in found {
            guard let before = baseline[domain] else { continue }
            if now.verdict == before.verdict && now.exitClass == before.exitClass {
                same += 1
            } else {
                changed += 1
                #expect(allowed(now.verdict, now.exitClass, now.reason), "\(domain): \(now.verdict) (\(now.reason)), without the fault \(before.verdict)")
            }
        }
        return (changed, same)
    }

    @Test func theResolverKilledAndRestartedMidBatch() async throws {
        let baseline = Self.verdicts(try await Self.check(Self.domains).stdout)
        #expect(baseline.count == Self.domains.count)
        // Down as the batch starts (a batch of cached answers is over in a fraction of a second),
        // up again while it runs: the domains asked meanwhile wait out their timeouts.
        try await Self.server("down", "validating")
        async let run = Self.check(Self.domains, ["--concurrency", "1"])
        try await Task.sleep(for: .milliseconds(2500))
        try await Self.server("up", "validating")
        let result = try await run
        let (changed, same) = Self.judge(result, baseline: baseline) { _, exitClass, reason in
            exitClass == "indeterminate" && (reason.contains("timeout") || reason.contains("indeterminate"))
        }
        #expect(changed > 0, "the fault hit some domains")
        #expect(same > 0, "and not the others")
        #expect(result.status == 3, "indeterminate comes first in the exit order")
        #expect(result.seconds < 60)
    }

    @Test func postfixStoppedDuringABatch() async throws {
        let domains = Self.domains.filter { $0.hasSuffix(".mx.dane.test") }
        let baseline = Self.verdicts(try await Self.check(domains).stdout)
        try await Self.server("down", "postfix")
        async let run = Self.check(domains, ["--concurrency", "1"])
        try await Task.sleep(for: .milliseconds(300))
        try await Self.server("up", "postfix")
        let result = try await run
        let (changed, _) = Self.judge(result, baseline: baseline) { verdict, _, reason in
            verdict == "defer" && (reason.contains("Connection refused") || reason.contains("closed") || reason.contains("timeout"))
        }
        #expect(changed > 0, "the fault hit some domains: \(result.stdout)")
        #expect([1, 3].contains(result.status))
        #expect(result.seconds < 60)
    }

    @Test func aQuarterOfThePacketsDroppedAtRandom() async throws {
        let domains = Array(Self.domains.prefix(12))
        let baseline = Self.verdicts(try await Self.check(domains).stdout)
        // uid 64026: the sandbox's nftables table drops 25 % of its packets, TCP and UDP.
        let run = try await CLI.tool("/usr/bin/setpriv", ["--reuid=64026", "--regid=64026", "--clear-groups", CLI.executable.path,
                                                          "check", "--jsonl", "--resolver", Sandbox.validating, "--timeout", "2"] + domains,
                                     input: "")
        let lines = run.output.split(separator: "\n").filter { $0.hasPrefix("{") }.joined(separator: "\n")
        let result = CLI.Result(status: run.status, stdout: lines, stderr: "", seconds: 0)
        _ = Self.judge(result, baseline: baseline) { verdict, exitClass, reason in
            exitClass == "indeterminate" || (verdict == "defer" && (reason.contains("timeout") || reason.contains("closed") || reason.contains("reset")))
        }
        #expect([0, 1, 3, 4].contains(run.status), "\(run.output.suffix(500))")
        #expect(!run.output.contains("Fatal error"))
    }

    @Test func stdoutClosedEarlyStopsTheBatch() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try (1...3000).map { "h\($0).wild.test" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let script = "\(CLI.executable.path) check --resolver \(Sandbox.validating) --timeout 2 --file \(file.path) 2>\(file.path).err | head -1; "
            + "echo \"status ${PIPESTATUS[0]}\"; tail -2 \(file.path).err; rm -f \(file.path).err"
        let started = Date()
        let result = try await CLI.tool("/bin/bash", ["-c", script], input: "")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("h1.wild.test: ") == true, "\(result.output)")
        #expect(lines.contains { $0.hasPrefix("status ") } && !result.output.contains("Fatal error"))
        let counted = lines.first { $0.contains(" domains: ") }.flatMap { Int($0.split(separator: " ").first ?? "") } ?? 3000
        #expect(counted < 3000, "the batch stopped once its reader had gone: \(result.output)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    /// The console's history file on a full disk (a symlink to /dev/full: every write fails with
    /// ENOSPC): said once, on a real terminal, and the console goes on. (Before, libedit read the
    /// device forever at start-up: the console hung.)
    @Test func aFullDiskForTheHistoryFileIsSaidOnce() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state.appendingPathComponent("danecheck"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: state.appendingPathComponent("danecheck/history").path, withDestinationPath: "/dev/full")
        let script = """
            import os, sys, time, pexpect
            c = pexpect.spawn(sys.argv[1], ["console"], env=dict(os.environ, XDG_STATE_HOME=sys.argv[2], HOME=sys.argv[2], TERM="vt100"),
                              encoding="utf-8", timeout=10, dimensions=(40, 200))
            c.expect("the console history .* is not a regular file: not read")
            c.expect("danecheck> ")
            c.sendline("show settings")
            c.expect("could not be saved to .*No space left on device")
            c.expect("danecheck> ")
            c.sendline("set timeout 3")
            c.expect("timeout set to 3")
            c.expect("danecheck> ")
            before = c.before
            time.sleep(1)
            c.sendeof()
            c.expect(pexpect.EOF)
            c.close()
            print("history said once" if "could not be saved" not in before else "said twice")
            sys.exit(c.exitstatus or 0)
            """
        let result = try await CLI.tool("/usr/bin/python3", ["-c", script, CLI.executable.path, state.path], input: "")
        #expect(result.status == 0 && result.output.contains("history said once"), "\(result.output)")
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

    /// The main nameserver stops answering mid-batch (last: the resolver remembers it for a while):
    /// names not yet cached are indeterminate, cached ones keep their verdicts.
    @Test func theNameserverStopsAnswering() async throws {
        let fresh = (1...6).map { "n\($0)-\(UInt32.random(in: 0...UInt32.max)).wild.test" }
        let domains = ["ee311.mx.dane.test", "notlsa.mx.dane.test"] + fresh
        _ = try await Self.check(["ee311.mx.dane.test", "notlsa.mx.dane.test"])  // cached now
        try await Self.server("down", "nsd")
        let result = try await Self.check(domains)
        try await Self.server("up", "nsd")
        let found = Self.verdicts(result.stdout)
        #expect(found["ee311.mx.dane.test"]?.verdict == "authenticated")
        #expect(found["notlsa.mx.dane.test"]?.verdict == "opportunistic")
        for name in fresh {
            #expect(found[name]?.exitClass == "indeterminate", "\(name): \(String(describing: found[name]))")
        }
        #expect(result.status == 3)
        // The resolver finds the server again (bounded), for whatever runs next.
        for _ in 0..<40 {
            if Self.verdicts(try await Self.check(["n-\(UInt32.random(in: 0...UInt32.max)).wild.test"]).stdout).values.first?.exitClass != "indeterminate" { break }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
