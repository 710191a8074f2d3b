import DaneCommands

/// One module, ready to check with: how its checkers are made, and what counts as success.
struct ExporterModule: Sendable {
    let setup: CheckerSetup
    let requireDANE: Bool
}
