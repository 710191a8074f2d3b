import DaneCore
import Foundation
import Mustache

/// `check --junit FILE`: the batch as CI systems read test results (GitLab's test report,
/// Jenkins' junit step, GitHub actions that publish results). One `testcase` per domain
/// (classname: the input file, or `danecheck`; name: the domain; time: its seconds), a
/// `failure` with the verdict and reason where the exit code counts the domain as failed (its
/// class under --require-dane and --strict is not ok), `system-out` with its findings; one
/// `testsuite` with the counts and the policy as properties. Valid against the JUnit schema
/// Jenkins publishes (schema/junit-10.xsd).
public enum JUnitReport {
    struct Property {
        let name: String
        let value: String
    }

    struct Failure {
        let type: String
        let message: String
        let text: String
    }

    struct Case {
        let classname: String
        let name: String
        let time: String
        let failure: Failure?
        let out: String?
    }

    struct Suite {
        let name: String
        let tests: Int
        let failures: Int
        let time: String
        let timestamp: String
        let hostname: String
        let properties: [Property]
        let cases: [Case]
        let runOut: String?
    }

    static let template: MustacheTemplate = {
        MustacheContentTypes.register(XMLContentType(), named: XMLContentType.name)
        do { return try MustacheTemplate(string: text) } catch { fatalError("JUnit template: \(error)") }
    }()

    static let text = """
        {{% CONTENT_TYPE: XML}}<?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="danecheck" tests="{{tests}}" failures="{{failures}}" errors="0" time="{{time}}">
          <testsuite name="{{name}}" tests="{{tests}}" failures="{{failures}}" errors="0" skipped="0" time="{{time}}" timestamp="{{timestamp}}" hostname="{{hostname}}">
            <properties>
        {{#properties}}
              <property name="{{name}}" value="{{value}}"/>
        {{/properties}}
            </properties>
        {{#cases}}
            <testcase classname="{{classname}}" name="{{name}}" time="{{time}}">
        {{#failure}}
              <failure type="{{type}}" message="{{message}}">{{text}}</failure>
        {{/failure}}
        {{#out}}
              <system-out>{{.}}</system-out>
        {{/out}}
            </testcase>
        {{/cases}}
        {{#runOut}}
            <system-out>{{.}}</system-out>
        {{/runOut}}
          </testsuite>
        </testsuites>

        """

    /// `seconds`: the run's wall time (nil: the domains' times added up).
    public static func render(_ report: BatchReport, seconds: Double? = nil, hostname: String = ProcessInfo.processInfo.hostName) -> String {
        let classname = report.source ?? "danecheck"
        let cases = report.ordered.map { row in
            let failure = row.fails ? Failure(type: row.gatedClass.keyword, message: "\(row.verdict.rawValue): \(row.reason)",
                                              text: failureText(row, policy: report.policy)) : nil
            let out = row.findings.map { "\($0.severity.word): [\($0.kind.rawValue)] \($0.message)" }.joined(separator: "\n")
            return Case(classname: classname, name: row.domain.text, time: time(row.summary.seconds), failure: failure,
                        out: out.isEmpty ? nil : out)
        }
        let runOut = (report.problems.map { "error: \($0)" } + report.runFindings.map { "\($0.severity.word): \($0.message)" })
            .joined(separator: "\n")
        let suite = Suite(name: "danecheck \(report.title)", tests: cases.count, failures: cases.count { $0.failure != nil },
                          time: time(seconds ?? report.totalSeconds),
                          timestamp: String(TimeFormat.timestamp(report.started).dropLast()), hostname: hostname,
                          properties: [Property(name: "require-dane", value: String(report.policy.requireDANE)),
                                       Property(name: "strict", value: String(report.policy.strict))],
                          cases: cases, runOut: runOut.isEmpty ? nil : runOut)
        return template.render(suite)
    }

    /// Why the exit code counts it: the verdict's class, or the gate that failed it.
    static func failureText(_ row: ReportRow, policy: AssessmentPolicy) -> String {
        var lines = ["\(row.domain.text): \(row.verdict.rawValue)\(row.via.map { " via \($0)" } ?? ""): \(row.reason)"]
        switch row.summary.failedGate(policy) {
        case .requireDANE: lines.append("--require-dane: mail leaves without DANE authentication")
        case .strict: lines.append("--strict: a finding of severity \(row.summary.worstSeverity?.rawValue ?? "warning")")
        case nil: break
        }
        return lines.joined(separator: "\n")
    }

    /// Seconds as the schema's SUREFIRE_TIME wants them: digits, a point, three decimals.
    static func time(_ seconds: Double) -> String { String(format: "%.3f", max(0, seconds)) }
}
