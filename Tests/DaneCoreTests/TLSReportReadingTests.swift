@testable import DaneCore
import Foundation
import Testing
import TestSupport

/// Reading SMTP TLS reports (RFC 8460): the RFC's own example, what breaks its schema (one
/// error naming the field), gzip (truncated, a zip bomb), mail messages, mbox files and
/// maildirs, duplicates and the period, and hostile strings.
struct TLSReportReadingTests {
    static let example = Array(FileManager.default.contents(atPath: PackageRoot.path("Tests/Fixtures/tlsrpt/rfc8460-example.json"))!)

    static func gzip(_ data: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = input.fileHandleForWriting
        Thread { try? writer.write(contentsOf: Data(data)); try? writer.close() }.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(result)
    }

    static func json(_ object: Any) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object)) }

    static func report(id: String = "r1", organization: String = "Sender", start: String = "2026-12-05T00:00:00Z",
                       end: String = "2026-12-06T00:00:00Z", failure: [String: Any]? = nil) -> [String: Any] {
        var policy: [String: Any] = ["policy": ["policy-type": "tlsa", "policy-domain": "example.test"],
                                     "summary": ["total-successful-session-count": 9, "total-failure-session-count": failure == nil ? 0 : 1]]
        if let failure { policy["failure-details"] = [failure] }
        return ["organization-name": organization, "date-range": ["start-datetime": start, "end-datetime": end],
                "contact-info": "tlsrpt@sender.test", "report-id": id, "policies": [policy]]
    }

    static func error(_ object: Any) -> String {
        do {
            _ = try TLSReportParser.parse(json(object))
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func theRFCsExampleReadsFieldByField() throws {
        let report = try TLSReportParser.parse(Self.example)
        #expect(report.organizationName == "Company-X")
        #expect(report.reportID == "5065427c-23d3-47ca-b6e0-946ea0e8c4be")
        #expect(report.start == Date(timeIntervalSince1970: 1_459_468_800))
        #expect(report.end == Date(timeIntervalSince1970: 1_459_555_199))
        let policy = try #require(report.policies.first)
        #expect(policy.policyType == .sts)
        #expect(policy.policyDomain == "company-y.example")
        #expect(policy.mxHosts == ["*.mail.company-y.example"])
        #expect(policy.policyStrings.count == 4)
        #expect((policy.successfulSessions, policy.failedSessions) == (5326, 303))
        #expect(policy.failures.map(\.resultType) == [.certificateExpired, .starttlsNotSupported, .validationFailure])
        #expect(policy.failures.map(\.failedSessionCount) == [100, 200, 3])
        #expect(policy.failures[1].receivingIP == "203.0.113.56")
        #expect(policy.failures[2].receivingMXHostname == nil)
    }

    @Test func aFieldThatBreaksTheSchemaIsNamedWithItsPath() {
        var missing = Self.report()
        var policies = missing["policies"] as! [[String: Any]]
        policies[0]["summary"] = ["total-successful-session-count": 1]
        missing["policies"] = policies
        #expect(Self.error(missing) == "policies[0].summary.total-failure-session-count: missing")
        #expect(Self.error(Self.report(failure: ["result-type": "tlsa-invalid", "failed-session-count": -1]))
                == "policies[0].failure-details[0].failed-session-count: -1 is not a count (a whole number from 0 to 1000000000000)")
        #expect(Self.error(Self.report(failure: ["result-type": "tlsa-invalid", "failed-session-count": 1.5])).hasSuffix("1.5 is not a count (a whole number from 0 to 1000000000000)"))
        #expect(Self.error(Self.report(failure: ["result-type": "tlsa-invalid", "failed-session-count": true]))
                == "policies[0].failure-details[0].failed-session-count: not a number (true/false)")
        #expect(Self.error(Self.report(start: "yesterday")) == "date-range.start-datetime: 'yesterday' is not an RFC 3339 date-time")
        #expect(Self.error(Self.report(start: "2026-12-07T00:00:00Z")) == "date-range: end-datetime is before start-datetime")
        #expect(Self.error(Self.report(failure: ["failed-session-count": 1])) == "policies[0].failure-details[0].result-type: missing")
        var type = Self.report()
        policies = type["policies"] as! [[String: Any]]
        policies[0]["policy"] = ["policy-type": "dane", "policy-domain": "example.test"]
        type["policies"] = policies
        #expect(Self.error(type) == "policies[0].policy.policy-type: 'dane' is not tlsa, sts or no-policy-found")
        #expect(Self.error(["organization-name": 5]) == "date-range: missing")
        #expect(Self.error([1, 2]) == ": not an object (a list)" || Self.error([1, 2]) == "not an object (a list)")
    }

    @Test func rfc3339DateTimesWithOffsetsAndFractions() {
        #expect(RFC3339.date("2026-12-05T02:00:00+02:00") == RFC3339.date("2026-12-05T00:00:00Z"))
        #expect(RFC3339.date("2026-12-05T00:00:00.5Z") == RFC3339.date("2026-12-05T00:00:00Z")!.addingTimeInterval(0.5))
        #expect(RFC3339.date("2026-02-30T00:00:00Z") == nil)
        #expect(RFC3339.date("2026-12-05") == nil)
        #expect(RFC3339.date("2026-12-05T00:00:00") == nil)
    }

    @Test func gzipReportsInflateAndBadGzipIsOneProblem() throws {
        let packed = try Self.gzip(Self.example)
        guard case .report(let report, _, _) = TLSReportDecoder.report(packed, origin: "a.json.gz") else { Issue.record("not read"); return }
        #expect(report.organizationName == "Company-X")
        guard case .problem(let truncated) = TLSReportDecoder.report(Array(packed.prefix(60)), origin: "a.json.gz") else { Issue.record("read"); return }
        #expect(truncated.description == "a.json.gz: gzip data ends early (truncated)")
        var corrupt = packed
        corrupt[20] ^= 0xff
        corrupt[21] ^= 0xff
        guard case .problem(let bad) = TLSReportDecoder.report(corrupt, origin: "b.gz") else { Issue.record("read"); return }
        #expect(bad.message.hasPrefix("not valid gzip data") || bad.message.hasPrefix("gzip data ends early"))
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        // 64 MiB of zeros in about 64 KB of gzip: inflating stops at 32 MiB, one problem.
        let bomb = try Self.gzip([UInt8](repeating: 0x20, count: 64 << 20))
        #expect(bomb.count < 200_000)
        guard case .problem(let problem) = TLSReportDecoder.report(bomb, origin: "bomb.gz") else { Issue.record("read"); return }
        #expect(problem.description == "bomb.gz: gzip data inflates to more than 33554432 octets")
        // The cap is the limit given, not what the data says.
        #expect(throws: Gunzip.Failure.tooLarge(limit: 1000)) { try Gunzip.inflate(bomb, limit: 1000) }
    }

    static func message(parts: [(type: String, name: String?, body: [UInt8])]) -> [UInt8] {
        var text = "From: reports@sender.test\r\nTo: tlsrpt@example.test\r\nSubject: Report Domain: example.test\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=\"tlsrpt\";\r\n\tboundary=\"=b;1\"\r\n\r\npreamble\r\n"
        for part in parts {
            text += "--=b;1\r\nContent-Type: \(part.type)\r\n"
            if let name = part.name { text += "Content-Disposition: attachment;\r\n filename=\"\(name)\"\r\n" }
            text += "Content-Transfer-Encoding: base64\r\n\r\n"
            text += Data(part.body).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n"
        }
        return Array((text + "--=b;1--\r\nepilogue\r\n").utf8)
    }

    @Test func aMailMessageGivesItsReportPartsAndNamesTheBadOne() throws {
        let good = try Self.gzip(Self.example)
        let mail = Self.message(parts: [("text/plain", nil, Array("This is an aggregate TLS report".utf8)),
                                        ("application/tlsrpt+gzip", "sender!example.test!1!2.json.gz", good),
                                        ("application/tlsrpt+json", "broken.json", Array("{\"organization-name\": \"x\"".utf8))])
        let items = TLSReportDecoder.decode(mail, origin: "mail/new/1")
        #expect(items.count == 2)
        guard case .report(let report, _, let origin) = items[0], case .problem(let problem) = items[1] else { Issue.record("\(items)"); return }
        #expect(report.reportID == "5065427c-23d3-47ca-b6e0-946ea0e8c4be")
        #expect(origin == "mail/new/1: part 2 ('sender!example.test!1!2.json.gz')")
        #expect(problem.origin == "mail/new/1: part 3 ('broken.json')")
        #expect(problem.message.hasPrefix("not an RFC 8460 report: not JSON"))
        let plain = TLSReportDecoder.decode(Array("Subject: hi\r\n\r\nhello\r\n".utf8), origin: "m")
        guard case .problem(let none) = plain.first else { Issue.record("read"); return }
        #expect(none.description == "m: no TLSRPT report in the message (its parts: text/plain)")
    }

    @Test func mboxMaildirAndFoldersAreReadInputByInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tlsrpt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["md/new", "md/cur", "md/tmp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let one = Self.message(parts: [("application/tlsrpt+json", "a.json", Self.json(Self.report(id: "m1")))])
        let two = Self.message(parts: [("application/tlsrpt+gzip", "b.json.gz", try Self.gzip(Self.json(Self.report(id: "m2"))))])
        let mbox = Array("From reports@sender.test Sat Dec  5 00:00:00 2026\n".utf8) + one + Array("\nFrom x Sat Dec  5 00:00:01 2026\n".utf8) + two
        FileManager.default.createFile(atPath: folder.appendingPathComponent("box.mbox").path, contents: Data(mbox))
        FileManager.default.createFile(atPath: folder.appendingPathComponent("md/new/1.host").path, contents: Data(one))
        FileManager.default.createFile(atPath: folder.appendingPathComponent("md/cur/2.host:2,S").path, contents: Data(two))
        FileManager.default.createFile(atPath: folder.appendingPathComponent("md/tmp/3.host").path, contents: Data("half written".utf8))
        var origins: [String] = [], ids: [String] = []
        TLSReportFiles(paths: [folder.path]).forEach { item in
            switch item {
            case .report(let report, _, let origin): origins.append(origin); ids.append(report.reportID)
            case .problem(let problem): Issue.record("\(problem)")
            }
        }
        let base = folder.path
        #expect(ids == ["m1", "m2", "m2", "m1"])
        #expect(origins == ["\(base)/box.mbox: message 1: part 1 ('a.json')", "\(base)/box.mbox: message 2: part 1 ('b.json.gz')",
                            "\(base)/md/cur/2.host:2,S: part 1 ('b.json.gz')", "\(base)/md/new/1.host: part 1 ('a.json')"])
    }

    @Test func aHugeInputIsOneProblemWithoutBeingRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).eml").path
        defer { unlink(path) }
        // A 2 GB attachment's message, sparse: reading it would take seconds and 2 GB.
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        #expect(ftruncate(fd, 2 << 30) == 0)
        close(fd)
        var problems: [TLSReportProblem] = []
        TLSReportFiles(paths: [path, PackageRoot.path("Tests/Fixtures/tlsrpt/rfc8460-example.json")]).forEach { item in
            if case .problem(let problem) = item { problems.append(problem) }
        }
        #expect(problems == [TLSReportProblem(origin: path, message: "2147483648 octets, more than the limit of 67108864 for one input")])
    }

    @Test func anOversizedMboxMessageIsSkippedAndTheNextOneRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).mbox").path
        defer { unlink(path) }
        let good = Self.message(parts: [("application/tlsrpt+json", "a.json", Self.json(Self.report(id: "after")))])
        var data = Array("From a Sat Dec  5 00:00:00 2026\nSubject: big\n\n".utf8)
        data += [UInt8](repeating: UInt8(ascii: "A"), count: 2 << 20)
        data += Array("\nFrom b Sat Dec  5 00:00:01 2026\n".utf8) + good
        FileManager.default.createFile(atPath: path, contents: Data(data))
        var items: [String] = []
        TLSReportFiles(paths: [path], limit: 1 << 20).forEach { item in
            switch item {
            case .report(let report, _, let origin): items.append("\(origin) \(report.reportID)")
            case .problem(let problem): items.append(problem.description)
            }
        }
        #expect(items == ["\(path): message 1: more than the limit of 1048576 octets for one input", "\(path): message 2: part 1 ('a.json') after"])
    }

    @Test func aReportDeliveredTwiceCountsOnceAndThePeriodFilters() throws {
        var summary = TLSReportSummary(period: TLSReportPeriod(since: TLSReportPeriod.bound("2026-12-05"), until: TLSReportPeriod.bound("2026-12-07")))
        let failure: [String: Any] = ["result-type": "tlsa-invalid", "receiving-mx-hostname": "MX1.example.test.", "failed-session-count": 4]
        for object in [Self.report(failure: failure), Self.report(failure: failure),
                       Self.report(id: "r2", failure: failure),
                       Self.report(id: "old", start: "2026-12-01T00:00:00Z", end: "2026-12-02T00:00:00Z"),
                       Self.report(id: "later", start: "2026-12-07T00:00:00Z", end: "2026-12-08T00:00:00Z")] {
            summary.add(try TLSReportParser.parse(Self.json(object)))
        }
        #expect((summary.reports, summary.duplicates, summary.outsidePeriod) == (2, 1, 2))
        #expect(summary.policies.map { ($0.successful, $0.failed) }.first! == (18, 2))
        #expect(summary.failures.count == 1)
        #expect(summary.failures.first?.sessions == 8)
        #expect(summary.failures.first?.receivingMX == "mx1.example.test")
    }

    @Test func hostileStringsAreEscapedAndCut() throws {
        let hostile = "\u{1b}]0;owned\u{07}\u{1b}[2J\nfake line " + String(repeating: "x", count: 5000)
        let failure: [String: Any] = ["result-type": "validation-failure\u{1b}[31m", "receiving-mx-hostname": "mx\u{1b}[1m.example.test",
                                      "failed-session-count": 1, "additional-information": hostile]
        var summary = TLSReportSummary()
        summary.add(try TLSReportParser.parse(Self.json(Self.report(organization: "Org\u{1b}[5m\r\n", failure: failure))))
        let lines = TLSReportTextRenderer.lines(summary, today: nil).map(\.text)
        #expect(lines.count == 3)
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f })
            #expect(line.count < 400)
        }
        #expect(lines[2].hasPrefix("    additional information: '\\x1b]0;owned\\x07\\x1b[2J\\nfake line xxx"))
    }
}
