import DaneCommands
import DaneCore

/// One module, ready to check with: how its checkers are made, and what counts as success.
public struct ExporterModule: Sendable {
    public let setup: CheckerSetup
    public let requireDANE: Bool

    public init(setup: CheckerSetup, requireDANE: Bool) {
        self.setup = setup
        self.requireDANE = requireDANE
    }

    /// A scrape's assessor: a checker of its own (its own probes, the shared DNS cache), the
    /// module's policy (`require_dane`, `warn_days`).
    public func assessor() -> Assessor {
        Assessor(checker: setup.checker().checker,
                 policy: AssessmentPolicy(requireDANE: requireDANE, certificateDays: Double(setup.rollover.warnDays)))
    }
}
