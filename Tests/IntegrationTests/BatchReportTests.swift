import Foundation
import Testing
import TestSupport

/// `check --html/--junit` and `summary --html/--junit` over a sandbox batch: the HTML report
/// loaded by a real browser (headless Chromium: the DOM's counts against the JSONL of the same
/// run, no console message, the hostile TXT shown as text, a screenshot for the README); the
/// JUnit XML valid against Jenkins' published schema (xmllint) and read back by a real consumer
/// (junitparser) with the JSONL's counts, --require-dane and --strict honoured.
@Suite(.sandbox)
struct BatchReportTests {
    static let domains = ["dane.test", "good.rpt.test", "hostile.rpt.test", "norua.rpt.test", "deferred.dane.test", "expiredrr.test",
                          "nullmx.test", "lame.test", "insecure.test", "example.test"]
    static let hostile = "<script>document.title='owned'</script>"

    struct Line {
        let domain: String, verdict: String, exitClass: String, warnings: [String]
    }

    static func lines(_ jsonl: String) throws -> [Line] {
        try jsonl.split(separator: "\n").map { text in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return Line(domain: object["domain"] as! String, verdict: object["verdict"] as! String, exitClass: object["exit_class"] as! String,
                        warnings: (object["warnings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String })
        }
    }

    /// Where the exit code counts a domain as failed, from its JSONL line and the gates.
    static func fails(_ line: Line, requireDANE: Bool, strict: Bool) -> Bool {
        if line.exitClass != "ok" { return true }
        if requireDANE && line.verdict != "authenticated" { return true }
        return strict && line.warnings.contains { $0 == "warning" || $0 == "critical" }
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Numbers the page shows, by the data attribute of the element holding them.
    static func counts(_ html: String, attribute: String) -> [String: Int] {
        let pattern = try! Regex("\(attribute)=\"([a-z-]+)\">([0-9]+)<")
        var counts: [String: Int] = [:]
        for match in html.matches(of: pattern) {
            counts[String(match.output[1].substring!)] = Int(match.output[2].substring!)
        }
        return counts
    }

    /// The domains of the rows the page's table shows, in order.
    static func tableDomains(_ dom: String) -> [String] {
        let body = dom.components(separatedBy: "id=\"rows-body\">").dropFirst().first?.components(separatedBy: "</tbody>").first ?? ""
        return body.matches(of: try! Regex("<tr><td>([^<]*)</td>")).map { String($0.output[1].substring!) }
    }

    @Test func htmlReportInChromiumMatchesTheJSONLOfTheSameRun() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html").path, junit = dir.appendingPathComponent("report.xml").path
        let run = try await CLI.run(["check", "--jsonl", "--html", html, "--junit", junit, "--timeout", "3",
                                     "--resolver", Sandbox.validating] + Self.domains)
        #expect(run.status == 3, "\(run.stderr)")
        let lines = try Self.lines(run.stdout)
        #expect(lines.count == Self.domains.count)

        let browser = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                                               "--dump-dom", "file://\(html)"], input: "")
        try #require(browser.status == 0, "\(browser.output.suffix(2000))")
        let dom = browser.output
        // Counts per verdict and per exit class, as the page shows them, are those of the JSONL.
        let verdicts = Dictionary(grouping: lines, by: \.verdict).mapValues(\.count)
        let classes = Dictionary(grouping: lines, by: \.exitClass).mapValues(\.count)
        #expect(Self.counts(dom, attribute: "data-verdict") == verdicts)
        #expect(Self.counts(dom, attribute: "data-class") == classes)
        #expect(dom.contains("<span id=\"total\">\(lines.count)</span>"))
        #expect(dom.contains("<span id=\"failing\">\(lines.filter { $0.exitClass != "ok" }.count)</span>"))
        // The table was drawn by the page's own script: every domain counted, the first page shown.
        #expect(dom.contains("data-rows=\"\(lines.count)\""))
        #expect(dom.contains("<span id=\"rows-info\">1–\(lines.count) of \(lines.count)</span>"))
        for line in lines { #expect(dom.contains("<td>\(line.domain)</td>"), "\(line.domain) in the table") }
        // Sorted and filtered by the page itself, from a view named in the address: the deferred
        // domains, by name descending; then a text filter.
        let view = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                                             "file://\(html)#only=c:deferred&sort=-1"], input: "")
        let deferred = lines.filter { $0.exitClass == "deferred" }.map(\.domain)
        #expect(deferred.count >= 2)
        #expect(Self.tableDomains(view.output) == deferred.sorted(by: >))
        let filtered = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                                                                "file://\(html)#q=expiredrr"], input: "")
        #expect(Self.tableDomains(filtered.output) == ["expiredrr.test"])
        // The hostile TXT is text: shown, escaped, never run (the title is the report's).
        #expect(dom.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"))
        #expect(!dom.contains(Self.hostile))
        #expect(dom.contains("<title>danecheck: check</title>"))
        // No console message at all: no error, no warning.
        let console = browser.output.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(console)")
        // Nothing from the network: no src or href in the page.
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("src=") && !page.contains("href=") && !page.contains("@import"))

        // The README's picture, taken of this report.
        let shot = ReadmeImage.path("report.png")
        let screenshot = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                                  "--window-size=1200,2300", "--screenshot=\(shot)", "file://\(html)"], input: "")
        #expect(screenshot.status == 0)
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)
    }

    @Test(arguments: [[String](), ["--require-dane"], ["--strict"], ["--require-dane", "--strict"]])
    func junitIsValidAndReadBackWithTheJSONLCounts(_ gates: [String]) async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junit = dir.appendingPathComponent("report.xml").path
        let run = try await CLI.run(["check", "--jsonl", "--junit", junit, "--timeout", "3", "--resolver", Sandbox.validating]
                                    + gates + Self.domains)
        let lines = try Self.lines(run.stdout)
        try #require(lines.count == Self.domains.count, "\(run.stderr)")
        let schema = PackageRoot.url.appendingPathComponent("schema/junit-10.xsd").path
        let valid = try await CLI.tool("/usr/bin/xmllint", ["--noout", "--schema", schema, junit], input: "")
        #expect(valid.status == 0, "\(valid.output)")
        let failing = Set(lines.filter { Self.fails($0, requireDANE: gates.contains("--require-dane"), strict: gates.contains("--strict")) }.map(\.domain))
        let read = try await Self.junitparser(junit)
        #expect(read.tests == lines.count)
        #expect(read.failures == failing.count)
        #expect(read.failed == failing, "\(gates)")
        #expect(read.names == Set(lines.map(\.domain)))
        #expect(read.classnames == ["danecheck"])
        // The exit code counts the same domains: none failing is 0.
        #expect((run.status == 0) == failing.isEmpty)
    }

    /// contrib/ci/junit.xsl shows the JUnit file as CI systems list test results: xsltproc reads
    /// it, headless Chromium draws one row per domain, the failed ones first and as the gate
    /// counts them, the hostile TXT as text; the README's picture is taken of it.
    @Test func junitAsAPageListsEveryDomainAsTheGateCountsIt() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junit = dir.appendingPathComponent("report.xml").path, page = dir.appendingPathComponent("junit.html").path
        let run = try await CLI.run(["check", "--jsonl", "--junit", junit, "--require-dane", "--timeout", "3",
                                     "--resolver", Sandbox.validating] + Self.domains)
        let lines = try Self.lines(run.stdout)
        try #require(lines.count == Self.domains.count, "\(run.stderr)")
        let stylesheet = PackageRoot.url.appendingPathComponent("contrib/ci/junit.xsl").path
        let transformed = try await CLI.tool("/usr/bin/xsltproc", ["-o", page, stylesheet, junit], input: "")
        try #require(transformed.status == 0, "\(transformed.output)")
        let dom = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(page)"], input: "")
        let rows = dom.output.matches(of: try Regex(#"<tr class="(passed|failed)" data-name="([^"]*)">"#))
            .map { (status: String($0.output[1].substring!), domain: String($0.output[2].substring!)) }
        let failing = Set(lines.filter { Self.fails($0, requireDANE: true, strict: false) }.map(\.domain))
        #expect(!failing.isEmpty && failing.count < lines.count, "both kinds of row are shown")
        #expect(rows.count == lines.count)
        #expect(Set(rows.filter { $0.status == "failed" }.map(\.domain)) == failing)
        #expect(rows.prefix(failing.count).allSatisfy { $0.status == "failed" }, "failed first")
        #expect(dom.output.contains("data-count=\"failed\">\(failing.count) failed<"))
        #expect(dom.output.contains("require-dane: true"))
        #expect(dom.output.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;") && !dom.output.contains("<script"))

        let shot = ReadmeImage.path("junit.png")
        let screenshot = try await CLI.tool("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                                  "--window-size=1200,1300", "--screenshot=\(shot)", "file://\(page)"], input: "")
        #expect(screenshot.status == 0)
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)
    }

    @Test func summaryOfTheJSONLMakesTheSameReports() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let jsonl = dir.appendingPathComponent("run.jsonl")
        let run = try await CLI.run(["check", "--jsonl", "--timeout", "3", "--resolver", Sandbox.validating] + Self.domains)
        try run.stdout.write(to: jsonl, atomically: true, encoding: .utf8)
        let lines = try Self.lines(run.stdout)
        let html = dir.appendingPathComponent("summary.html").path, junit = dir.appendingPathComponent("summary.xml").path
        let summary = try await CLI.run(["summary", "--require-dane", "--html", html, "--junit", junit, jsonl.path])
        #expect(summary.status == 3)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(Self.counts(page, attribute: "data-verdict") == Dictionary(grouping: lines, by: \.verdict).mapValues(\.count))
        // The page's classes are those under the gates (--require-dane here).
        let gated = Dictionary(grouping: lines) { line in
            line.exitClass == "ok" && line.verdict != "authenticated" ? "deferred" : line.exitClass
        }.mapValues(\.count)
        #expect(Self.counts(page, attribute: "data-class") == gated)
        // In the table's JSON, with every < written \u003c (and / as \/).
        #expect(page.contains(#"rua '\u003cscript>document.title='owned'\u003c\/script>'"#))
        #expect(!page.contains(Self.hostile))
        let read = try await Self.junitparser(junit)
        #expect(read.failures == lines.filter { Self.fails($0, requireDANE: true, strict: false) }.count)
        #expect(read.classnames == [jsonl.path])
    }

    /// contrib/ci's GitLab and GitHub Actions examples: the danecheck command each runs, run here
    /// over the sandbox's domains, writes the files the example hands to the CI system (GitLab's
    /// `reports: junit`, the publishing action's `files`; the HTML artifact), valid JUnit.
    @Test(arguments: ["gitlab-ci.yml", "github-actions.yml"])
    func theCIExamplesWriteTheFilesTheyPublish(_ example: String) async throws {
        let path = PackageRoot.url.appendingPathComponent("contrib/ci/\(example)").path
        // The YAML as a YAML parser reads it: the command and the files it publishes.
        let script = """
            import json, shlex, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1]))
            if "danecheck" in doc and "script" in doc["danecheck"]:
                job = doc["danecheck"]
                command, junit, kept = job["script"][0], job["artifacts"]["reports"]["junit"], job["artifacts"]["paths"]
            else:
                steps = doc["jobs"]["dane"]["steps"]
                command = next(s["run"] for s in steps if "run" in s)
                junit = next(s["with"]["files"] for s in steps if s.get("uses", "").startswith("EnricoMi/publish-unit-test-result-action"))
                kept = [next(s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))]
            print(json.dumps({"argv": shlex.split(command), "junit": junit, "kept": kept}))
            """
        let parsed = try await CLI.tool("/usr/bin/python3", ["-c", script, path], input: "")
        try #require(parsed.status == 0, "\(parsed.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: Any])
        let argv = try #require(object["argv"] as? [String]), junitName = try #require(object["junit"] as? String)
        let kept = try #require(object["kept"] as? [String])
        try #require(argv.first == "danecheck" && argv.dropFirst().first == "check", "\(argv)")
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("domains.txt")
        try Self.domains.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        // The example's arguments, with its relative file names made ours.
        let options = Set(["--file", "--junit", "--html"])
        var arguments: [String] = [], previous = ""
        for word in argv.dropFirst() {
            arguments.append(options.contains(previous) ? dir.appendingPathComponent(word).path : word)
            previous = word
        }
        let run = try await CLI.run(arguments + ["--timeout", "3", "--resolver", Sandbox.validating])
        // An indeterminate domain among them: 3, the first code that applies.
        #expect(run.status == 3, "\(run.stderr)")
        for name in [junitName] + kept {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(example) publishes \(name)")
        }
        let schema = PackageRoot.url.appendingPathComponent("schema/junit-10.xsd").path
        let valid = try await CLI.tool("/usr/bin/xmllint", ["--noout", "--schema", schema, dir.appendingPathComponent(junitName).path], input: "")
        #expect(valid.status == 0, "\(valid.output)")
        let read = try await Self.junitparser(dir.appendingPathComponent(junitName).path)
        #expect(read.tests == Self.domains.count && read.failures > 0)
    }

    @Test func aReportFileThatCannotBeWrittenIsAUsageError() async throws {
        let run = try await CLI.run(["check", "--html", "/nonexistent/folder/r.html", "dane.test"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--html /nonexistent/folder/r.html: no folder /nonexistent/folder"))
        // --nagios says a usage error as plugins do: UNKNOWN.
        let nagios = try await CLI.run(["check", "--nagios", "--junit", "/tmp/r.xml", "dane.test"])
        #expect(nagios.status == 3)
        #expect(nagios.stdout == "DANE UNKNOWN - --nagios checks one domain: --html and --junit report a batch\n")
    }

    struct JUnitRead {
        let tests: Int, failures: Int
        let failed: Set<String>, names: Set<String>, classnames: Set<String>
    }

    /// The file as junitparser (Debian's python3-junitparser) reads it.
    static func junitparser(_ path: String) async throws -> JUnitRead {
        let script = """
            import json, sys
            from junitparser import JUnitXml, Failure
            xml = JUnitXml.fromfile(sys.argv[1])
            suites = list(xml) if hasattr(xml, '__iter__') else [xml]
            cases = [case for suite in xml for case in suite]
            print(json.dumps({"tests": xml.tests, "failures": xml.failures,
                              "failed": [c.name for c in cases if any(isinstance(r, Failure) for r in c.result)],
                              "names": [c.name for c in cases], "classnames": sorted({c.classname for c in cases})}))
            """
        let result = try await CLI.tool("/usr/bin/python3", ["-c", script, path], input: "")
        try #require(result.status == 0, "\(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return JUnitRead(tests: object["tests"] as! Int, failures: object["failures"] as! Int,
                         failed: Set(object["failed"] as! [String]), names: Set(object["names"] as! [String]),
                         classnames: Set(object["classnames"] as! [String]))
    }
}
