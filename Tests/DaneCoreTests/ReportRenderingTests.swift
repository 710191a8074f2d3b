import DaneCore
@testable import DaneRender
import Foundation
import Testing

/// The report faces (HTML, JUnit, DOT) over rows made here: remote text stays text in each, and
/// a JUnit failure is exactly what the policy's gates fail.
struct ReportRenderingTests {
    static let hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func row(_ index: Int, _ domain: String, _ verdict: Verdict, _ exitClass: ExitClass, findings: [Finding] = [],
                    policy: AssessmentPolicy = AssessmentPolicy(), reason: String = "r") -> ReportRow {
        let summary = AssessmentSummary(domain: DNSName(dnsText: domain), verdict: verdict, seconds: 0.25, exitClass: exitClass,
                                        worstSeverity: findings.map(\.severity).max())
        return ReportRow(index: index, summary: summary, gatedClass: summary.gatedClass(policy), via: nil, reason: reason,
                         findings: findings, certificateExpiry: now.addingTimeInterval(5 * 86_400), signatureExpiry: nil)
    }

    static func report(_ policy: AssessmentPolicy = AssessmentPolicy()) -> BatchReport {
        var report = BatchReport(title: "check", source: nil, policy: policy, started: now)
        report.add(row(1, "b.test", .defer, .deferred, policy: policy, reason: "bogus " + hostile))
        report.add(row(0, "a.test", .authenticated, .ok, findings: [Finding(.noTLSRPT, .domain, "rua '\(hostile)'")], policy: policy))
        report.add(row(2, "c.test", .opportunistic, .ok, findings: [Finding(.noBackup, .host(DNSName(dnsText: "mx.c.test")), "one record")],
                       policy: policy))
        return report
    }

    @Test func htmlKeepsRemoteTextAsTextAndTheScriptElementClosed() {
        let page = HTMLReport.render(Self.report(), outcomeCode: 1)
        // Escaped by the template where it is markup, \u003c-escaped in the table's JSON.
        #expect(page.contains("bogus &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(page.contains(#"\u003c\/script>\u003cscript>alert(1)\u003c\/script>\u003cimg src=x onerror=alert(2)>"#))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img"))
        // Exactly the page's two script elements, each closed once.
        #expect(page.components(separatedBy: "<script").count == 3)
        #expect(page.components(separatedBy: "</script>").count == 3)
        // Rows in input order whatever order they finished in.
        let json = page.components(separatedBy: "id=\"rows-data\">")[1].components(separatedBy: "</script>")[0]
        #expect(json.hasPrefix(#"{"rows":[["a.test","authenticated","ok",0,1,"notice",2,250],["b.test","defer","deferred",0,3,"",0,250],"#))
        // Each text once: the empty via and the shared reason "r" are written once and referred to.
        #expect(json.hasSuffix(#""strings":["","r","note: [no-tlsrpt] rua '\u003c\/script>\u003cscript>alert(1)\u003c\/script>\u003cimg src=x onerror=alert(2)>'","bogus \u003c\/script>\u003cscript>alert(1)\u003c\/script>\u003cimg src=x onerror=alert(2)>","warning: [no-backup] one record"]}"#))
    }

    @Test func theGatesDecideWhatFailsInJUnit() {
        let plain = JUnitReport.render(Self.report(), seconds: 1.5, hostname: "h")
        #expect(plain.components(separatedBy: "<failure ").count == 2)
        #expect(plain.contains(#"<testsuite name="danecheck check" tests="3" failures="1" errors="0" skipped="0" time="1.500""#))
        let strict = AssessmentPolicy(requireDANE: true)
        let gated = JUnitReport.render(Self.report(strict), hostname: "h")
        #expect(gated.contains(#"tests="3" failures="2""#))
        #expect(gated.contains("c.test: opportunistic: r\n--require-dane: mail leaves without DANE authentication</failure>"))
        #expect(gated.contains(#"time="0.750""#))
        let warned = JUnitReport.render(Self.report(AssessmentPolicy(strict: true)), hostname: "h")
        #expect(warned.contains("--strict: a finding of severity warning</failure>"))
    }

    @Test func xmlCarriesNoMarkupAndNoCharacterXMLForbids() {
        let escaped = XMLContentType().escapeText("a<b>&\"'\u{0}\u{1B}[31m\tz\u{FFFF}")
        #expect(escaped == "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}\u{FFFD}[31m\tz\u{FFFD}")
        let junit = JUnitReport.render(Self.report(), hostname: "h\u{7}<x>")
        #expect(junit.contains(#"hostname="h\#u{FFFD}&lt;x&gt;""#))
        #expect(!junit.contains("<script>"))
    }

    @Test func dotQuotesEveryStringItWrites() {
        #expect(DOTWriter.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd?""#)
        #expect(DOTWriter.wrapped("one two three four", width: 8) == "one two\nthree\nfour")
    }

    @Test func theTimelineCountsExpiriesByDayAndPastOnesApart() {
        var rows = [Self.row(0, "a.test", .authenticated, .ok)]
        let past = ReportRow(index: 1, summary: rows[0].summary, gatedClass: .ok, via: nil, reason: "", findings: [],
                             certificateExpiry: Self.now.addingTimeInterval(-3 * 86_400), signatureExpiry: Self.now.addingTimeInterval(2.5 * 86_400))
        rows.append(past)
        let timeline = Timeline(rows, from: Self.now, days: 90)
        #expect(timeline.certificates[5] == 1 && timeline.signatures[2] == 1)
        #expect(timeline.expiredCertificates == 1 && timeline.expiredSignatures == 0)
        #expect(timeline.soonest(10).map(\.days) == ["3 days ago", "in 2.5 days", "in 5.0 days"])
    }
}
