/// What a batch keeps of each assessed domain once it was printed: enough for the summary and
/// the exit code (or, merging shards, what a `check --jsonl` line carries), so that memory does
/// not grow with the details of thousands of domains.
public struct AssessmentSummary: Sendable, Hashable {
    public let domain: DNSName
    public let verdict: Verdict
    public let seconds: Double
    /// How a run that checked it ends for it, by the verdict alone.
    public let exitClass: ExitClass
    /// The worst severity among its findings (nil: none).
    public let worstSeverity: Severity?

    public init(domain: DNSName, verdict: Verdict, seconds: Double, exitClass: ExitClass, worstSeverity: Severity?) {
        self.domain = domain
        self.verdict = verdict
        self.seconds = seconds
        self.exitClass = exitClass
        self.worstSeverity = worstSeverity
    }

    public init(_ assessment: Assessment) {
        self.init(domain: assessment.domain, verdict: assessment.verdict, seconds: assessment.seconds,
                  exitClass: assessment.exitClass, worstSeverity: assessment.worstSeverity)
    }

    /// How the run ends for it under `policy`'s gates (as `Assessment.gatedClass`).
    public func gatedClass(_ policy: AssessmentPolicy) -> ExitClass {
        policy.gatedClass(verdict, exitClass, worst: worstSeverity)
    }

    /// The gate that fails it under `policy`, when its class is ok by itself.
    public func failedGate(_ policy: AssessmentPolicy) -> AssessmentPolicy.Gate? {
        policy.failedGate(verdict, exitClass, worst: worstSeverity)
    }
}
