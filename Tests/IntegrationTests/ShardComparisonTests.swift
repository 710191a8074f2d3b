import DaneCore
import Foundation
import TestSupport
import Testing

/// Survey scale beyond one run: the sandbox's domain list checked as 4 shards through GNU
/// parallel (`check --shard {}/4`), merged by `danecheck summary`, equals one unsharded run: the
/// shards are disjoint and cover the list, each domain gets the same verdict, the summaries the
/// same counts and host warnings, the same exit code. It compares runs over real servers, so it
/// runs alone after the suite (`.alone`): beside the whole suite on CI's 2 cores (each run there
/// took about 20 s, 1 s here) the one run once deferred two domains that the shards authenticated.
@Suite(.sandbox, .alone) struct ShardComparisonTests {
    /// Every domain of zone dane.test whose MX host is an SMTP case (HOST.mx), and a few more.
    static func sandboxList() throws -> [String] {
        let zone = try String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("smtp/dane.test.zone"), encoding: .utf8)
        let cases = zone.split(separator: "\n").compactMap { line -> String? in
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            return name.hasSuffix(".mx") && !name.hasPrefix("h-silent") ? "\(name).dane.test" : nil
        }
        return cases + ["dane.test", "firstfails.dane.test", "equal.dane.test", "nullmx.test", "example.test"]
    }

    /// domain → (verdict, reason), from JSON Lines.
    static func results(_ jsonl: String) throws -> [String: (verdict: String, reason: String)] {
        var results: [String: (verdict: String, reason: String)] = [:]
        for line in jsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let domain = try #require(object["domain"] as? String)
            #expect(results[domain] == nil, "\(domain) twice")
            results[domain] = (object["verdict"] as? String ?? "", object["reason"] as? String ?? "")
        }
        return results
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
        // No domain of the list waits for a timeout (each takes well under 1 s alone): the
        // timeout of every run of working peers.
        let common = "--jsonl --resolver \(Sandbox.validating) --timeout \(Sandbox.timeout)"
        let script = """
            cd \(dir.path) || exit 99
            \(binary) check \(common) --file list > all.jsonl 2> all.err; echo $? > all.status
            parallel --will-cite -j 2 --joblog jobs.log '\(binary) check \(common) --file reversed --shard {}/4 > shard{}.jsonl 2> shard{}.err' ::: 1 2 3 4
            echo "parallel $?"
            for k in 1 2 3 4; do \(binary) summary shard$k.jsonl > /dev/null; echo "summary-shard$k $?"; done
            \(binary) summary all.jsonl > all.summary; echo "summary-all $?"
            \(binary) summary shard1.jsonl shard2.jsonl shard3.jsonl shard4.jsonl > shards.summary; echo "summary-shards $?"
            """
        let run = try await CLI.tool("/bin/sh", ["-c", script], input: "")
        let read = { (name: String) in (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        let allResults = try Self.results(read("all.jsonl"))
        let shardResults = try (1...4).map { try Self.results(read("shard\($0).jsonl")) }
        let all = allResults.mapValues(\.verdict)
        let shards = shardResults.map { $0.mapValues(\.verdict) }
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
        // A difference names each side's reason: what made one run judge a domain otherwise.
        let describe = { (result: (verdict: String, reason: String)?) in result.map { "\($0.verdict) (\($0.reason))" } ?? "none" }
        let differing = Set(merged.keys).union(all.keys).filter { merged[$0] != all[$0] }.sorted().map { domain in
            "\(domain): one run \(describe(allResults[domain])), shards \(describe(shardResults.compactMap { $0[domain] }.first))"
        }
        #expect(merged == all, "\(differing.joined(separator: "\n"))")
        #expect(shards.allSatisfy { !$0.isEmpty }, "\(shards.map(\.count))")
        // The same summary and the same exit code as the one run.
        let status = try #require(Int32(read("all.status").trimmingCharacters(in: .whitespacesAndNewlines)))
        // Each shard's check exits as the summary of its own lines says, and GNU parallel with
        // the number of shards that did not exit 0 (its documented exit status).
        let jobs = read("jobs.log").split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        try #require(jobs.count == 4, "\(read("jobs.log"))")
        var failedShards = 0
        for job in jobs {
            try #require(job.count == 9, "\(job)")
            let shard = try #require(job[8].firstMatch(of: /--shard (\d)\/4/)?.output.1, "\(job)")
            let exit = try #require(Int32(job[6]), "\(job)")
            #expect(run.output.contains("summary-shard\(shard) \(exit)\n"), "shard \(shard) exited \(exit): \(run.output)")
            if exit != 0 { failedShards += 1 }
        }
        #expect(run.output.contains("parallel \(failedShards)\n"), "\(run.output)")
        #expect(run.output.contains("summary-all \(status)"), "\(run.output)")
        #expect(run.output.contains("summary-shards \(status)"), "\(run.output)")
        #expect(Self.comparable(read("all.summary")) == Self.comparable(read("shards.summary")),
                "\(read("all.summary"))\n---\n\(read("shards.summary"))")
        #expect(read("all.summary").contains("\(list.count) domains: "), "\(read("all.summary"))")
        #expect(read("all.err").contains("\(list.count) domains: "))  // what check itself printed
    }
}
