/// `tlsrpt read --check`: each policy domain with reported failures checked today through the
/// batch runner (one assessment per domain, the runner's concurrency), and each failure judged
/// beside its domain's assessment (`TLSReportToday`).
public enum TLSReportCheck {
    public static func run(_ summary: TLSReportSummary, runner: BatchRunner) async -> [TLSReportSummary.FailureLine: TLSReportToday] {
        let domains = summary.failingDomains
        let assessments = AssessmentCollector()
        _ = await runner.run(BatchSource(arguments: domains, file: nil)) { event in
            if case .assessed(_, let assessment) = event { await assessments.add(assessment) }
        }
        let byDomain = await assessments.byDomain
        var today: [TLSReportSummary.FailureLine: TLSReportToday] = [:]
        for failure in summary.failures {
            guard let assessment = byDomain[failure.domain] else {
                today[failure] = .unknown("\(BoundedText.quoted(failure.domain)) is not a domain name that can be checked")
                continue
            }
            today[failure] = TLSReportToday.judge(failure, assessment)
        }
        return today
    }

    actor AssessmentCollector {
        var byDomain: [String: Assessment] = [:]
        func add(_ assessment: Assessment) { byDomain[TLSReportSummary.normalized(assessment.domain.text)] = assessment }
    }
}
