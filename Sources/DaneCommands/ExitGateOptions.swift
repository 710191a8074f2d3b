import ArgumentParser
import DaneCore

/// What makes a batch fail beyond its verdicts, for `check` and for `summary` (which must end a
/// merged run as the single run would have ended), and the exit code of a batch.
public struct ExitGateOptions: ParsableArguments {
    @Flag(help: "Exit 1 unless every deliverable domain is authenticated by DANE.")
    public var requireDANE = false

    @Flag(help: "Exit 1 when any rollover-health warning is found (stale records, no backup record, expiring certificates, ...).")
    public var strict = false

    public init() {}

    /// The exit code of a batch: 2 when an input line was invalid, else the first class that
    /// applies in the order indeterminate (3), no mail (4), deferred (1); then the gates above.
    public func exitCode(_ checks: [DomainCheckSummary], problems: Int) -> ExitCode {
        if problems > 0 { return DanecheckExit.usage }
        for exitClass in [ExitClass.indeterminate, .noMail, .deferred] where checks.contains(where: { $0.exitClass == exitClass }) {
            return DanecheckExit.code(for: exitClass)
        }
        if requireDANE && checks.contains(where: { $0.verdict != .authenticated }) { return DanecheckExit.deferred }
        if strict && checks.contains(where: { $0.warnings > 0 }) { return DanecheckExit.deferred }
        return DanecheckExit.ok
    }
}
