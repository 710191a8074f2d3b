import DaneCommands

/// One module, ready to check with: how its checkers are made, and what counts as success.
public struct ExporterModule: Sendable {
    public let setup: CheckerSetup
    public let requireDANE: Bool

    public init(setup: CheckerSetup, requireDANE: Bool) {
        self.setup = setup
        self.requireDANE = requireDANE
    }
}
