import ArgumentParser

/// `danecheck tlsa`: commands for publishing TLSA records.
public struct TLSACommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tlsa",
        abstract: "TLSA records for operators: create them from a chain or a live server; verify a chain against them before deploying it.",
        subcommands: [TLSACreateCommand.self, TLSAVerifyCommand.self])

    public init() {}
}
