import Foundation
import Testing
import TestSupport

/// SMTP TLS reports (RFC 8460) received by a real `danecheck-exporter --tlsrpt-db` on loopback:
/// POSTs as §5.3 reporters send them (by curl, and by Tests/tlsrpt/post_reports.py for many at
/// once, a slow client, a client that goes away mid-body, and a SIGKILL with POSTs in flight), a
/// maildir an MTA delivers into, the metrics, and `danecheck tlsrpt read --db` on what it stored.
@Suite(.sandbox, .serialized) struct TLSReportReceiverTests {
    typealias Exporter = ExporterTests.Exporter

    static let fixtures = PackageRoot.url.appendingPathComponent("Tests/Fixtures/tlsrpt")
    static let script = PackageRoot.url.appendingPathComponent("Tests/tlsrpt/post_reports.py").path

    static func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// POST `body` (a file) with curl: the status code, the answer, and its Retry-After.
    static func post(_ url: String, file: URL, type: String) async throws -> (code: Int, body: String) {
        let marker = "\n@@status@@"
        let result = try await CLI.tool("/usr/bin/curl", ["-s", "-m", "20", "-H", "Content-Type: \(type)", "-D", "-",
                                                          "--data-binary", "@\(file.path)", "-w", "\(marker)%{http_code}", url], input: "")
        let parts = result.output.components(separatedBy: marker)
        return (Int(parts.last ?? "") ?? 0, parts.dropLast().joined(separator: marker))
    }

    static func gzip(_ file: URL, into dir: URL) async throws -> URL {
        let target = dir.appendingPathComponent(file.lastPathComponent + ".gz")
        let result = try await CLI.tool("/bin/sh", ["-c", "gzip -c -n '\(file.path)' > '\(target.path)'"], input: "")
        #expect(result.status == 0)
        return target
    }

    static func write(_ text: String, to dir: URL, _ name: String) throws -> URL {
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// `danecheck tlsrpt read ARGS --json`: the document.
    static func read(_ arguments: [String]) async throws -> [String: Any] {
        let result = try await CLI.run(["tlsrpt", "read", "--json"] + arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    /// Each POST answered with the status RFC 8460 §5.3 and HTTP give it; a report stored once;
    /// the metrics sum what was stored; `tlsrpt read --db` reads it as the files read.
    @Test func postsAreStoredOnceWithTheRightStatusAndShownInMetrics() async throws {
        let dir = try Self.folder("tlsrpt-post")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("reports.db").path
        let exporter = try await Exporter.start(["--tlsrpt-db", db, "--tlsrpt-max-report-bytes", "4000",
                                                 "--tlsrpt-max-reports-per-sender", "1"])
        let url = exporter.base + "/tlsrpt"
        let example = Self.fixtures.appendingPathComponent("rfc8460-example.json")
        let failures = Self.fixtures.appendingPathComponent("sandbox-failures.json")

        #expect(try await Self.post(url, file: example, type: "application/tlsrpt+json").code == 201)
        #expect(try await Self.post(url, file: example, type: "application/tlsrpt+json").code == 200, "a resend is stored already")
        #expect(try await Self.post(url, file: try await Self.gzip(failures, into: dir), type: "application/tlsrpt+gzip; charset=binary").code == 201)
        #expect(try await Self.post(url, file: example, type: "text/plain").code == 415)
        let padded = try Self.write(String(decoding: try Data(contentsOf: example), as: UTF8.self) + String(repeating: " ", count: 4000), to: dir, "padded.json")
        #expect(try await Self.post(url, file: padded, type: "application/tlsrpt+json").code == 413)
        let broken = try Self.write(#"{"organization-name": "X", "date-range": 7}"#, to: dir, "broken.json")
        let bad = try await Self.post(url, file: broken, type: "application/tlsrpt+json")
        #expect(bad.code == 400)
        #expect(bad.body.contains("not an RFC 8460 report: date-range"), "\(bad.body)")
        let notGzip = try await Self.post(url, file: example, type: "application/tlsrpt+gzip")
        #expect(notGzip.code == 400)
        // The organization of the example ("Company-X") has its 1 report of 24 hours; another is refused.
        let third = try Self.write(String(decoding: try Data(contentsOf: example), as: UTF8.self)
            .replacingOccurrences(of: "5065427c-23d3", with: "third-report"), to: dir, "third.json")
        let refused = try await Self.post(url, file: third, type: "application/tlsrpt+json")
        #expect(refused.code == 429)
        #expect(refused.body.lowercased().contains("retry-after: 3600"), "\(refused.body)")

        let metrics = try await ExporterTests.get(exporter.base + "/metrics")
        #expect(metrics.code == 200)
        let page = metrics.body
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_sessions_total{policy_domain="company-y.example",policy_type="sts",result="failure"}"#) == 303)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_sessions_total{policy_domain="company-y.example",policy_type="sts",result="successful"}"#) == 5326)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_failed_sessions_total{policy_domain="deferred.dane.test",result_type="tlsa-invalid",receiving_mx="wrongdigest.dane.test"}"#) == 5)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_failed_sessions_total{policy_domain="deferred.dane.test",result_type="starttls-not-supported",receiving_mx="wrongdigest.dane.test"}"#) == 2,
                "the trailing dot of a receiving MX is not a series of its own")
        #expect(ExporterTests.value(page, "danecheck_tlsrpt_reports") == 2)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_received_total{channel="https",outcome="duplicate"}"#) == 1)
        for (reason, count) in [("media-type", 1.0), ("too-large", 1), ("not-a-report", 2), ("over-quota", 1)] {
            #expect(ExporterTests.value(page, #"danecheck_tlsrpt_rejected_total{reason="\#(reason)"}"#) == count, "\(reason)")
        }
        let received = try #require(ExporterTests.value(page, #"danecheck_tlsrpt_last_report_timestamp_seconds{policy_domain="dane.test"}"#))
        #expect(abs(received - Date().timeIntervalSince1970) < 600)
        let promtool = try await CLI.tool("/usr/bin/promtool", ["check", "metrics"], input: page)
        #expect(promtool.status == 0, "\(promtool.output)")

        // What was stored reads as the files read.
        let stored = try await Self.read(["--db", db])
        let files = try await Self.read([example.path, failures.path])
        #expect(stored["reports"] as? Int == 2)
        #expect(NSDictionary(dictionary: stored).isEqual(to: files), "\(stored)\n\(files)")
    }

    /// A maildir the MTA delivers rua=mailto: reports into: a message holding a gzip report is
    /// stored, a message without one is named and moved too, both leave new/ for cur/.
    @Test func maildirMessagesAreStoredAndMovedToCur() async throws {
        let dir = try Self.folder("tlsrpt-maildir")
        defer { try? FileManager.default.removeItem(at: dir) }
        let maildir = dir.appendingPathComponent("Maildir")
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let report = try Data(contentsOf: Self.fixtures.appendingPathComponent("sandbox-failures.json"))
        let gz = try await Self.gzip(Self.fixtures.appendingPathComponent("sandbox-failures.json"), into: dir)
        let encoded = try Data(contentsOf: gz).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        #expect(!report.isEmpty)
        let message = """
            From: tlsrpt@sender.test\r
            To: tlsrpt@dane.test\r
            Subject: Report Domain: dane.test Submitter: sender.test Report-ID: <sandbox-1>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type="tlsrpt"; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain\r
            \r
            An aggregate TLS report.\r
            --b1\r
            Content-Type: application/tlsrpt+gzip\r
            Content-Transfer-Encoding: base64\r
            Content-Disposition: attachment; filename="sender.test!dane.test!1764892800!1764979200!sandbox-1.json.gz"\r
            \r
            \(encoded)\r
            --b1--\r

            """
        _ = try Self.write(message, to: maildir.appendingPathComponent("new"), "1764979300.1.mx")
        _ = try Self.write("From: a@b.test\r\nSubject: hello\r\n\r\nno report here\r\n", to: maildir.appendingPathComponent("new"), "1764979301.2.mx")
        let db = dir.appendingPathComponent("reports.db").path
        let exporter = try await Exporter.start(["--tlsrpt-db", db, "--tlsrpt-maildir", maildir.path, "--tlsrpt-maildir-interval", "1"])
        let emptied = try await ExporterTests.poll {
            (try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path)).isEmpty
        }
        #expect(emptied, "new/ was not emptied")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path).sorted()
                == ["1764979300.1.mx:2,S", "1764979301.2.mx:2,S"])
        let page = try await ExporterTests.get(exporter.base + "/metrics").body
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_received_total{channel="mail",outcome="stored"}"#) == 1)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_rejected_total{reason="not-a-report"}"#) == 1)
        #expect(ExporterTests.value(page, #"danecheck_tlsrpt_sessions_total{policy_domain="bogus-tlsa.test",policy_type="tlsa",result="failure"}"#) == 4)
        let stored = try await Self.read(["--db", db])
        #expect(stored["reports"] as? Int == 1)
    }

    /// 400 reports from 32 clients at once are all stored; a client that sends its body a few
    /// octets at a time holds nobody up (20 others are answered before it); a client that goes
    /// away mid-body stores nothing and the receiver carries on.
    @Test func concurrentSlowAndVanishingClients() async throws {
        let dir = try Self.folder("tlsrpt-load")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("reports.db").path
        let exporter = try await Exporter.start(["--tlsrpt-db", db])
        let url = exporter.base + "/tlsrpt"
        let load = try await CLI.tool("/usr/bin/python3", [Self.script, url, "400", "32", "load"], input: "")
        #expect(load.status == 0, "\(load.output.suffix(2000))")
        let answers = load.output.split(separator: "\n").filter { $0.hasPrefix("ack ") }.map { $0.split(separator: " ")[2] }
        #expect(answers.count == 400)
        #expect(answers.allSatisfy { $0 == "201" }, "\(Dictionary(grouping: answers, by: { $0 }).mapValues(\.count))")
        if let last = load.output.split(separator: "\n").last { print("tlsrpt receiver: \(last) (32 clients, debug build)") }

        let cut = try await CLI.tool("/usr/bin/python3", [Self.script, "cut", url], input: "")
        #expect(cut.output == "cut\n")
        let slow = try await CLI.tool("/usr/bin/python3", [Self.script, "slow", url, "slow"], input: "")
        let order = slow.output.split(separator: "\n").map(String.init)
        #expect(order == Array(repeating: "fast 201", count: 20) + ["slow 201"], "\(order)")

        // The cut POST is counted once the receiver notices the connection closed.
        var incomplete: Double?
        for _ in 0..<100 where incomplete == nil {
            let page = try await ExporterTests.get(exporter.base + "/metrics").body
            incomplete = ExporterTests.value(page, #"danecheck_tlsrpt_rejected_total{reason="incomplete"}"#)
            if incomplete == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(incomplete == 1, "the cut POST is not counted as incomplete")
        let stored = try await Self.read(["--db", db])
        #expect(stored["reports"] as? Int == 421)
        let organizations = (stored["policies"] as? [[String: Any]] ?? []).flatMap { $0["organizations"] as? [String] ?? [] }
        #expect(!organizations.contains("Cut Org"))
    }

    /// The receiver SIGKILLed with 16 POSTs in flight: the database is intact, every report it
    /// acknowledged is in it, and a receiver started on it again knows them (a resend: 200).
    @Test func aKilledReceiverLosesNothingItAcknowledged() async throws {
        let dir = try Self.folder("tlsrpt-kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("reports.db").path
        var exporter: Exporter? = try await Exporter.start(["--tlsrpt-db", db])
        let url = try #require(exporter).base + "/tlsrpt"
        let pid = try #require(exporter).process.processIdentifier
        let run = try await CLI.tool("/usr/bin/python3", [Self.script, url, "400", "16", "kill", "--kill-after", "150", "--pid", String(pid)], input: "")
        #expect(run.status == 0, "\(run.output.suffix(2000))")
        exporter = nil
        let answers = run.output.split(separator: "\n").filter { $0.hasPrefix("ack ") }.map { $0.split(separator: " ").map(String.init) }
        let acknowledged = Set(answers.filter { $0[2].hasPrefix("2") }.map { $0[1] })
        #expect(acknowledged.count >= 150)
        #expect(answers.contains { $0[2] == "0" }, "the receiver died before every POST was answered")

        let integrity = try await CLI.tool("/usr/bin/python3", ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db], input: "")
        #expect(integrity.output == "ok\n")
        let lines = try await CLI.run(["tlsrpt", "read", "--db", db, "--jsonl"])
        #expect(lines.status == 0, "\(lines.stderr)")
        // Report kill-I carries the policy domain I.kill.load.test (and failures unless I is 0).
        let storedDomains = Set(lines.lines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["policy_domain"] as? String
        })
        let missing = acknowledged.filter { id in
            let index = id.split(separator: "-").last.map(String.init) ?? ""
            return index != "0" && !storedDomains.contains("\(index).kill.load.test")
        }
        #expect(missing.isEmpty, "acknowledged but not stored: \(missing.sorted())")

        let again = try await Exporter.start(["--tlsrpt-db", db])
        let first = try #require(acknowledged.compactMap { $0.split(separator: "-").last.flatMap { Int($0) } }.min())
        let resend = try await CLI.tool("/usr/bin/python3", [Self.script, again.base + "/tlsrpt", "1", "1", "kill", "--first", String(first)], input: "")
        #expect(resend.output.hasPrefix("ack kill-\(first) 200\n"), "\(resend.output)")
    }
}
