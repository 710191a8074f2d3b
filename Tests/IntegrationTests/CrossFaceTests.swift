import DaneCore
import Foundation
import Testing

/// One assessment, every face: each case of the sandbox (one per verdict and per kind of
/// finding) through check's text, check --jsonl, summary, check --nagios, domain --probe --json
/// and a running exporter's /probe page. Each face must say what the JSON says — the verdict
/// word and reason, the exit class (as an exit code, a Nagios state, probe_success) and the
/// findings with their severities — so a face that re-derives any part of the answer, or drops
/// a finding, goes red here.
@Suite(.sandbox) struct CrossFaceTests {
    /// Authenticated with no finding, with a warning each (no-backup, expiring), with a critical
    /// one (an expired certificate under DANE-EE: delivered, yet CRITICAL in Nagios), deferred (no
    /// match; a bogus TLSA RRset), no mail (null MX), indeterminate (lame), opportunistic (no
    /// TLSA; DANE under an insecure MX RRset), the first host failing.
    static let domains = ["paired.mx.dane.test", "ee311.mx.dane.test", "expiring.mx.dane.test", "ee-expired.mx.dane.test",
                          "wrongdigest.mx.dane.test",
                          "bogus-tlsa.test", "nullmx.test", "lame.test", "notlsa.mx.dane.test", "danemx.insecure.test",
                          "firstfails.dane.test"]
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout]

    /// The exit code of a one-domain check for each exit class (the README's table).
    static let exitCodes: [String: Int32] = ["ok": 0, "deferred": 1, "indeterminate": 3, "no-mail": 4]

    /// The Nagios state the JSON implies: UNKNOWN when indeterminate, CRITICAL when mail does not
    /// leave or a finding is critical, WARNING for a warning finding, OK otherwise (README).
    static func nagiosState(_ domain: CheckDomainJSON) -> Int32 {
        var states: [Int32] = [0]
        switch domain.exitClass {
        case "indeterminate": states.append(3)
        case "deferred", "no-mail": states.append(2)
        default: break
        }
        for warning in domain.warnings {
            if warning.severity == "critical" { states.append(2) }
            if warning.severity == "warning" { states.append(1) }
        }
        return states.max() ?? 0
    }

    static func severities(_ warnings: [WarningJSON]) -> [String] { warnings.compactMap(\.severity).sorted() }

    @Test func everyFaceSaysWhatTheAssessmentSays() async throws {
        let run = try await CLI.run(["check", "--jsonl"] + Self.resolver + Self.domains)
        let lines = run.lines.filter { $0.hasPrefix("{") }
        let checked = try lines.map { try JSONDecoder().decode(CheckDomainJSON.self, from: Data($0.utf8)) }
        #expect(checked.map(\.domain).sorted() == Self.domains.sorted())
        // The cases cover what they claim: every verdict class and every severity.
        #expect(Set(checked.map(\.exitClass)) == ["ok", "deferred", "indeterminate", "no-mail"], "\(checked.map(\.exitClass))")
        #expect(Set(checked.flatMap { Self.severities($0.warnings) }).isSuperset(of: ["warning", "critical"]))
        #expect(Set(checked.map(\.verdict)).isSuperset(of: ["authenticated", "defer", "undeliverable", "opportunistic"]))

        let exporter = try await ExporterTests.Exporter.start(Self.resolver + ["--allow-private-addresses"])
        var compared = 0
        for start in stride(from: 0, to: checked.count, by: 4) {
            let faults = await Array(checked[start..<min(start + 4, checked.count)]).concurrentMap { json in
                do { return try await Self.faces(json, exporter: exporter) } catch { return ["\(json.domain): \(error)"] }
            }
            for fault in faults.joined() { Issue.record(Comment(rawValue: fault)) }
            compared += min(4, checked.count - start)
        }
        #expect(compared == Self.domains.count)

        // summary over the run's lines: the same counts per verdict and the same exit.
        let summary = try await CLI.run(["summary", "-"], stdin: run.stdout)
        #expect(summary.status == run.status, "\(summary.stdout)")
        let counts = Dictionary(grouping: checked, by: \.verdict).mapValues(\.count)
        let expected = Verdict.allCases.compactMap { verdict in counts[verdict.rawValue].map { "\($0) \(verdict.rawValue)" } }
        #expect(summary.stdout.contains("\(checked.count) domains: \(expected.joined(separator: ", "))"), "\(summary.stdout)")
        // The batch's exit: the first of indeterminate, no mail, deferred any domain ends with.
        #expect(run.status == 3, "lame.test is indeterminate: \(run.stderr)")
    }

    /// What each face says of one domain that differs from its JSON line.
    static func faces(_ json: CheckDomainJSON, exporter: ExporterTests.Exporter) async throws -> [String] {
        let domain = json.domain
        var faults: [String] = []
        func expect(_ holds: Bool, _ what: @autoclosure () -> String) { if !holds { faults.append("\(domain): \(what())") } }
        guard let exitCode = exitCodes[json.exitClass] else { return ["\(domain): exit class \(json.exitClass)"] }

        // check's text: the domain's line, then its findings marked by severity.
        let text = try await CLI.run(["check"] + resolver + [domain])
        let via = json.via.map { " via \($0)" } ?? ""
        expect(text.lines.first == "\(domain): \(json.verdict)\(via): \(json.reason)", "text line \(text.lines.first ?? "")")
        expect(text.status == exitCode, "check exits \(text.status), its class is \(json.exitClass)")
        let marked = text.lines.dropFirst().compactMap { line -> String? in
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init)
            return ["note": "notice", "warning": "warning", "critical": "critical"][word ?? ""]
        }
        expect(marked.sorted() == severities(json.warnings), "text findings \(marked) vs JSON \(severities(json.warnings))")

        // Nagios: the state from the same assessment, as its exit code and its word.
        let nagios = try await CLI.run(["check", "--nagios"] + resolver + [domain])
        let state = nagiosState(json)
        expect(nagios.status == state, "Nagios \(nagios.status), JSON implies \(state): \(nagios.stdout)")
        expect(nagios.stdout.hasPrefix("DANE \(["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(state)]) - \(domain) \(json.verdict)"),
               "Nagios line \(nagios.stdout)")

        // domain --probe: the same verdict, reason and exit.
        let probe = try await CLI.run(["domain", "--probe", "--json"] + resolver + [domain])
        let probed = try JSONDecoder().decode(DomainJSON.self, from: Data(probe.stdout.utf8))
        expect(probed.verdict == json.verdict && probed.reason == json.reason, "domain --probe says \(probed.verdict ?? "-"): \(probed.reason ?? "-")")
        expect(probe.status == exitCode, "domain --probe exits \(probe.status)")

        // The exporter: the verdict's one-hot, probe_success as succeeds, findings by severity.
        let page = try await ExporterTests.get("\(exporter.base)/probe?target=\(domain)")
        expect(page.code == 200, "exporter answered \(page.code)")
        expect(ExporterTests.value(page.body, "danecheck_verdict{verdict=\"\(json.verdict)\"}") == 1, "exporter's verdict is not \(json.verdict)")
        expect(ExporterTests.value(page.body, "probe_success") == ((json.succeeds ?? false) ? 1 : 0), "probe_success vs succeeds \(json.succeeds as Any)")
        for severity in ["notice", "warning", "critical"] {
            let count = Double(json.warnings.filter { $0.severity == severity }.count)
            let value = ExporterTests.value(page.body, "danecheck_findings{severity=\"\(severity)\"}") ?? 0
            expect(value == count, "exporter \(severity) findings \(value), JSON \(count)")
        }
        return faults
    }
}
