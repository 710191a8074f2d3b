import ArgumentParser
import DaneCommands
import DaneCore

/// The command tree shared by the one-shot CLI and (later) the console.
public struct Danecheck: AsyncParsableCommand {
    public static let version = DanecheckVersion.current

    public static let configuration = CommandConfiguration(
        commandName: "danecheck",
        abstract: "What an RFC 7672 (DANE for SMTP) mail server will do with mail for a domain, and why.",
        discussion: """
            Looks up a domain's MX hosts, their addresses and TLSA records with their DNSSEC \
            status, the way a DANE-enforcing MTA does. Queries go to the resolvers given with \
            --resolver (or /etc/resolv.conf). DNSSEC status comes from a validating resolver's \
            AD bit (--validation resolver, the default; a resolver that does not validate is \
            reported), or from validation here with ldns from trust anchors (--validation local: \
            any resolver will do). `chain` shows the chain of trust behind one answer.

            \(DanecheckVerdicts.summary)

            \(FindingKind.summary)

            \(DanecheckExit.summary)
            """,
        version: version,
        subcommands: [DomainCommand.self, ProbeCommand.self, CheckCommand.self, SummaryCommand.self, ChainCommand.self,
                      TLSACommand.self, TLSRPTCommand.self, ExporterShimCommand.self, ConsoleCommand.self])

    public init() {}
}
