import DaneCore
import Testing

/// `check --shard K/N`: the documented hash (the first 8 octets of the SHA-256 of the lower-cased
/// A-label name, modulo N, from 1), checked against values computed independently (Python's
/// hashlib), so that shards made by two versions or two machines agree.
struct ShardUnitTests {
    @Test(arguments: [
        ("example.com", 4, 2), ("example.com", 16, 6), ("example.com", 1000, 310),
        ("xn--bcher-kva.example", 4, 1), ("ee311.mx.dane.test", 16, 16), ("ee311.mx.dane.test", 1000, 1000),
    ])
    func theHashIsTheDocumentedOne(domain: String, count: Int, shard: Int) throws {
        #expect(Shard.shard(of: try DNSName(validating: domain), count: count) == shard)
    }

    @Test func caseAndUnicodeFormsOfANameFallInOneShard() throws {
        let upper = try DNSName(validating: "Example.COM"), unicode = try DNSName(validating: "bücher.example")
        #expect(Shard.shard(of: upper, count: 16) == 6)
        #expect(Shard.shard(of: unicode, count: 4) == 1)
    }

    @Test func everyDomainFallsInExactlyOneShard() throws {
        let names = try (1...500).map { try DNSName(validating: "d\($0).example.test") }
        let shards = try (1...7).map { try Shard(index: $0, count: 7) }
        for name in names { #expect(shards.filter { $0.contains(name) }.count == 1) }
        // Spread: no shard of 7 gets fewer than half or more than twice its share of 500.
        let sizes = shards.map { shard in names.filter(shard.contains).count }
        #expect(sizes.allSatisfy { (36...143).contains($0) }, "\(sizes)")
    }

    @Test(arguments: ["", "1", "1/", "/4", "0/4", "5/4", "1/0", "-1/4", "a/b", "1/4/2", "1/100001"])
    func badShardsAreRefused(text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test func goodShardsParse() throws {
        #expect(try Shard(parsing: "1/1") == Shard(index: 1, count: 1))
        #expect(try Shard(parsing: "16/16").description == "16/16")
    }
}

/// `danecheck summary`: lines of `check --jsonl` merged.
struct RunSummaryTests {
    static let line = #"{"schema_version":1,"domain":"a.test","verdict":"authenticated","via":"mx.a.test","reason":"r","exit_class":"ok","elapsed_ms":12.5,"warnings":[{"kind":"no-backup","host":"mx.a.test","message":"m"},{"kind":"no-tlsrpt","message":"t"}],"mta_sts_notes":[]}"#

    @Test func aLineGivesItsSummaryAndItsHostWarningsOnly() {
        var summary = RunSummary()
        summary.add(line: Self.line, source: "x:1")
        summary.add(line: Self.line.replacingOccurrences(of: "a.test", with: "b.test").replacingOccurrences(of: "\"ok\"", with: "\"deferred\"")
                        .replacingOccurrences(of: "authenticated", with: "defer"), source: "x:2")
        #expect(summary.problems.isEmpty)
        #expect(summary.checks.map(\.verdict) == [.authenticated, .defer])
        #expect(summary.checks.map(\.exitClass) == [.ok, .deferred])
        // The lines carry no severities (as before findings had them): each kind's own counts.
        #expect(summary.checks.map(\.worstSeverity) == [.warning, .warning])
        #expect(summary.checks.first?.seconds == 0.0125)
        // mx.b.test is another host: two entries, each with its domain.
        #expect(summary.warnings.all.map { $0.domains.map(\.text) } == [["a.test"], ["b.test"]])
    }

    /// A line's own severity counts; an unknown kind without one is a notice (shown, no gate).
    @Test func severitiesComeFromTheLineElseFromTheKind() {
        var summary = RunSummary()
        summary.add(line: #"{"domain":"a.test","verdict":"authenticated","exit_class":"ok","elapsed_ms":1,"warnings":[{"kind":"no-tlsrpt","severity":"critical","message":"m"}]}"#, source: "x:1")
        summary.add(line: #"{"domain":"b.test","verdict":"authenticated","exit_class":"ok","elapsed_ms":1,"warnings":[{"kind":"from-the-future","message":"m"}]}"#, source: "x:2")
        summary.add(line: #"{"domain":"c.test","verdict":"authenticated","exit_class":"ok","elapsed_ms":1,"warnings":[]}"#, source: "x:3")
        #expect(summary.checks.map(\.worstSeverity) == [.critical, .notice, nil])
        #expect(summary.checks.map { $0.gatedClass(AssessmentPolicy(strict: true)) } == [.deferred, .ok, .ok])
    }

    @Test(arguments: ["{", "[]", #"{"domain":"a.test"}"#, #"{"domain":"a..b","verdict":"defer","exit_class":"ok","elapsed_ms":1,"warnings":[]}"#,
                      #"{"domain":"a.test","verdict":"maybe","exit_class":"ok","elapsed_ms":1,"warnings":[]}"#,
                      #"{"domain":"a.test","verdict":"defer","exit_class":"later","elapsed_ms":1,"warnings":[]}"#])
    func badLinesAreProblemsWithTheirSource(line: String) {
        var summary = RunSummary()
        summary.add(line: line, source: "f.jsonl:7")
        #expect(summary.checks.isEmpty)
        #expect(summary.problems.map(\.source) == ["f.jsonl:7"])
    }

    @Test func aDomainMetTwiceCountsOnce() {
        var summary = RunSummary()
        summary.add(line: Self.line, source: "x:1")
        summary.add(line: Self.line, source: "y:1")
        summary.add(line: "   ", source: "y:2")
        #expect(summary.checks.count == 1)
        #expect(summary.duplicates == 1)
        #expect(summary.problems.isEmpty)
    }
}
