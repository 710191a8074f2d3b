import DaneCore
import Foundation
import TestSupport
import Testing

/// Survey scale beyond one run: the sandbox's domain list checked as 4 shards through GNU
/// parallel (`check --shard {}/4`), merged by `danecheck summary`, equals one unsharded run: the
/// shards are disjoint and cover the list, each domain gets the same verdict, the summaries the
/// same counts and host warnings, the same exit code.
@Suite(.sandbox, .serialized) struct ShardTests {
    /// Every domain of zone dane.test whose MX host is an SMTP case (HOST.mx), and a few more.
    static func sandboxList() throws -> [String] {
        let zone = try String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("smtp/dane.test.zone"), encoding: .utf8)
        let cases = zone.split(separator: "\n").compactMap { line -> String? in
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            return name.hasSuffix(".mx") && !name.hasPrefix("h-silent") ? "\(name).dane.test" : nil
        }
        return cases + ["dane.test", "firstfails.dane.test", "equal.dane.test", "nullmx.test", "example.test"]
    }

    /// domain → verdict, from JSON Lines.
    static func verdicts(_ jsonl: String) throws -> [String: String] {
        var verdicts: [String: String] = [:]
        for line in jsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let domain = try #require(object["domain"] as? String)
            #expect(verdicts[domain] == nil, "\(domain) twice")
            verdicts[domain] = object["verdict"] as? String
        }
        return verdicts
    }

    /// A summary's lines without what timing changes (the slowest domains) or order changes (which
    /// domains a warning names, beyond how many).
    static func comparable(_ summary: String) -> [String] {
        summary.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("slowest:") }
            .map { $0.replacingOccurrences(of: #"\((\d+) domains?: [^)]*\)$"#, with: "($1 domains)", options: .regularExpression) }
            .sorted()
    }

    @Test func fourShardsThroughGNUParallelEqualOneRun() async throws {
        let list = try Self.sandboxList()
        #expect(list.count >= 35)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The same list in another order for the shards: a shard does not depend on the order.
        try list.joined(separator: "\n").write(to: dir.appendingPathComponent("list"), atomically: true, encoding: .utf8)
        try list.reversed().joined(separator: "\n").write(to: dir.appendingPathComponent("reversed"), atomically: true, encoding: .utf8)
        let binary = CLI.executable.path
        // No domain of the list waits for a timeout (each takes well under 1 s alone); 10 s keeps a
        // handshake slowed by the whole suite's load from changing a verdict between the runs.
        let common = "--jsonl --resolver \(Sandbox.validating) --timeout 10"
        let script = """
            cd \(dir.path) || exit 99
            \(binary) check \(common) --file list > all.jsonl 2> all.err; echo $? > all.status
            parallel --will-cite -j 2 '\(binary) check \(common) --file reversed --shard {}/4 > shard{}.jsonl 2> shard{}.err' ::: 1 2 3 4
            echo "parallel $?"
            \(binary) summary all.jsonl > all.summary; echo "summary-all $?"
            \(binary) summary shard1.jsonl shard2.jsonl shard3.jsonl shard4.jsonl > shards.summary; echo "summary-shards $?"
            """
        let run = try await CLI.tool("/bin/sh", ["-c", script], input: "")
        let read = { (name: String) in (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        let all = try Self.verdicts(read("all.jsonl"))
        let shards = try (1...4).map { try Self.verdicts(read("shard\($0).jsonl")) }
        #expect(all.count == list.count, "\(read("all.err"))")
        // Disjoint, covering, each domain in the shard its hash names, the same verdict.
        var merged: [String: String] = [:]
        for (index, shard) in shards.enumerated() {
            for (domain, verdict) in shard {
                #expect(merged[domain] == nil, "\(domain) in two shards")
                merged[domain] = verdict
                #expect(Shard.shard(of: try DNSName(validating: domain), count: 4) == index + 1, "\(domain)")
            }
        }
        #expect(merged == all)
        #expect(shards.allSatisfy { !$0.isEmpty }, "\(shards.map(\.count))")
        // The same summary and the same exit code as the one run.
        let status = try #require(Int32(read("all.status").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(run.output.contains("parallel 0") || status != 0, "\(run.output)")
        #expect(run.output.contains("summary-all \(status)"), "\(run.output)")
        #expect(run.output.contains("summary-shards \(status)"), "\(run.output)")
        #expect(Self.comparable(read("all.summary")) == Self.comparable(read("shards.summary")),
                "\(read("all.summary"))\n---\n\(read("shards.summary"))")
        #expect(read("all.summary").contains("\(list.count) domains: "), "\(read("all.summary"))")
        #expect(read("all.err").contains("\(list.count) domains: "))  // what check itself printed
    }

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
