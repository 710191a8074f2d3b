/// How a batch ends, from its assessments alone: an input error first (usage), then the first
/// class any domain ends with under the policy's gates, in the order indeterminate, no mail,
/// deferred; a run finding that says nothing was learned of any server (this network blocks
/// port 25) makes it indeterminate. The CLI maps the class to its exit code.
public enum RunOutcome: Sendable, Hashable {
    case usage
    case ended(ExitClass)

    public static func of(_ summaries: [AssessmentSummary], policy: AssessmentPolicy, problems: Int,
                          runFindings: [Finding] = []) -> RunOutcome {
        if problems > 0 { return .usage }
        if runFindings.contains(where: { $0.kind == .outboundPortBlocked }) { return .ended(.indeterminate) }
        let classes = Set(summaries.map { $0.gatedClass(policy) })
        for exitClass in [ExitClass.indeterminate, .noMail, .deferred] where classes.contains(exitClass) { return .ended(exitClass) }
        return .ended(.ok)
    }
}
