import ArgumentParser

/// `danecheck tlsrpt`: SMTP TLS reports (RFC 8460), what senders saw.
public struct TLSRPTCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tlsrpt",
        abstract: "SMTP TLS reports (RFC 8460): read what senders saw, and check it against today.",
        subcommands: [TLSRPTReadCommand.self])

    public init() {}
}
