import ArgumentParser

/// `danecheck tlsa`: commands for publishing TLSA records.
public struct TLSACommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tlsa",
        abstract: "TLSA records for operators: create them from a certificate chain or a live server.",
        subcommands: [TLSACreateCommand.self])

    public init() {}
}
