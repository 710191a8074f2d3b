import DaneCore
import Foundation
import TestSupport
import Testing

/// `check --shard` and `danecheck summary` on their own (the comparison of a sharded run with one
/// run is `ShardComparisonTests`, run alone after the suite).
@Suite(.sandbox, .serialized) struct ShardTests {
    @Test func aBadShardIsAUsageErrorAndAnEmptyShardIsNot() async throws {
        let bad = try await CLI.run(["check", "--shard", "0/4", "ee311.mx.dane.test"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("K must be from 1 to 4"), "\(bad.stderr)")
        // ee311.mx.dane.test falls in one shard of 2; the other holds nothing and succeeds.
        let name = try DNSName(validating: "ee311.mx.dane.test")
        let other = 3 - Shard.shard(of: name, count: 2)
        let empty = try await CLI.run(["check", "--shard", "\(other)/2", "--resolver", Sandbox.validating, "ee311.mx.dane.test"])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("0 domains"), "\(empty.stderr)")
    }

    @Test func summaryReportsBadLinesAndDuplicatesAndExitsAsTheRunWould() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try await CLI.run(["check", "--jsonl", "--resolver", Sandbox.validating, "wrongdigest.mx.dane.test", "ee311.mx.dane.test"])
        #expect(run.status == 1)
        let file = dir.appendingPathComponent("a.jsonl")
        try (run.stdout + "not json\n").write(to: file, atomically: true, encoding: .utf8)
        let summary = try await CLI.run(["summary", file.path, file.path])
        #expect(summary.status == 2)  // the bad line, as an invalid input line makes check exit 2
        #expect(summary.stderr.contains("a.jsonl:3: not a check --jsonl line"), "\(summary.stderr)")
        #expect(summary.stderr.contains("2 lines of a domain met before left out"), "\(summary.stderr)")
        #expect(summary.stdout.contains("2 domains: 1 authenticated, 1 defer"), "\(summary.stdout)")
        let clean = dir.appendingPathComponent("b.jsonl")
        try run.stdout.write(to: clean, atomically: true, encoding: .utf8)
        let deferred = try await CLI.run(["summary", clean.path])
        #expect(deferred.status == 1, "\(deferred.stdout)")
        let strict = try await CLI.run(["summary", "--strict", "-"], stdin: run.stdout)
        #expect(strict.status == 1)
        let missing = try await CLI.run(["summary", dir.appendingPathComponent("none.jsonl").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"), "\(missing.stderr)")
    }

    /// --jsonl is written a line at a time into a pipe: a reader sees the fast domain's line
    /// while the slow one (a silent peer, 4 s) is still being checked.
    /// The gates of a batch, in summary as in the run it merges: --strict fails on a rollover
    /// warning (ee311 has one backup record too few), --require-dane on a delivered domain that
    /// is not authenticated (notlsa); neither without its cause (paired: authenticated, no
    /// warning). Every domain here delivers, so the plain exit is 0.
    struct Gate: Sendable, CustomTestStringConvertible {
        let hosts: [String], gates: [String], code: Int32
        var testDescription: String { "\(hosts) \(gates) → \(code)" }
    }

    static let gateCases: [Gate] = [
        Gate(hosts: ["ee311", "notlsa", "paired"], gates: [], code: 0),
        Gate(hosts: ["ee311", "notlsa", "paired"], gates: ["--strict"], code: 1),
        Gate(hosts: ["ee311", "notlsa", "paired"], gates: ["--require-dane"], code: 1),
        Gate(hosts: ["paired"], gates: ["--strict"], code: 0),
        Gate(hosts: ["ee311", "paired"], gates: ["--require-dane"], code: 0),
        Gate(hosts: ["ee311"], gates: ["--strict"], code: 1),
        Gate(hosts: ["notlsa"], gates: ["--require-dane"], code: 1),
    ]

    @Test(arguments: gateCases)
    func summaryGatesAsTheRun(_ gate: Gate) async throws {
        let (hosts, gates, code) = (gate.hosts, gate.gates, gate.code)
        let domains = hosts.map { "\($0).mx.dane.test" }
        let run = try await CLI.run(["check", "--jsonl", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + gates + domains)
        #expect(run.status == code, "check \(gates): \(run.stderr)")
        let summary = try await CLI.run(["summary"] + gates + ["-"], stdin: run.stdout)
        #expect(summary.status == code, "summary \(gates): \(summary.stdout)")
        #expect(summary.stdout.contains("\n\(domains.count) domain") || summary.stdout.hasPrefix("\(domains.count) domain"), "\(summary.stdout)")
    }

    @Test func jsonlLinesReachAPipeAsTheyAreWritten() async throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["check", "--jsonl", "--timeout", "4", "--resolver", Sandbox.validating,
                             "h-silent.mx.dane.test", "ee311.mx.dane.test"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let handle = out.fileHandleForReading
        let first = await OwnThread.run { () -> String in
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        }
        let firstAt = Date().timeIntervalSince(start)
        #expect(first.contains("\"domain\":\"ee311.mx.dane.test\"") || first.contains("\"domain\": \"ee311.mx.dane.test\""), "\(first.prefix(200))")
        #expect(process.isRunning, "the run had ended: the line may have been held back until the end")
        await OwnThread.run {
            _ = handle.readDataToEndOfFile()
            process.waitUntilExit()
        }
        // Measured against the run's own end (the silent peer's 4 s), so a loaded machine that
        // starts the process late shifts both.
        let endAt = Date().timeIntervalSince(start)
        #expect(endAt - firstAt > 2, "the first line came \(firstAt) s after the start, the end \(endAt) s")
    }
}
