/// What a probed host or a checked domain comes to: the verdict with its reason, and the class of
/// exit a run that asked about it ends with. The core decides all three; the faces render them.
public struct Outcome: Sendable, Hashable {
    public let verdict: Verdict
    public let reason: String
    public let exitClass: ExitClass

    public init(verdict: Verdict, reason: String, exitClass: ExitClass) {
        self.verdict = verdict
        self.reason = reason
        self.exitClass = exitClass
    }
}
