import ArgumentParser
import DaneCommands
import DaneCore

/// `help [COMMAND]` in the console: a command of the tree gets the command line's own help;
/// otherwise the console's one-line summaries (all, or those of the topic).
enum ConsoleHelp {
    enum Answer: Equatable {
        case text(String)
        case lines([String])
        case unknown(String)
    }

    static let commands: [String: any ParsableCommand.Type] = [
        "domain": DomainCommand.self, "probe": ProbeCommand.self, "check": CheckCommand.self,
        "chain": ChainCommand.self, "tlsa": TLSACreateCommand.self,
    ]

    static var summaries: [String] {
        [
            "domain NAME [options]      MX hosts, addresses and TLSA records, with DNSSEC status (--probe to probe)",
            "probe HOST [options]       STARTTLS and DANE verification of every address of an MX host",
            "check DOMAIN... [options]  one verdict per domain",
            "chain NAME [TYPE] [options] the DNSSEC chain of trust behind one answer, validated here",
            "tlsa create HOST|--cert F  the TLSA records to publish (3 1 1 + 2 1 1), verified against the chain",
            "dig DOMAIN                 look up the MX RRset into the cache (answers: submitted)",
            "refresh domain NAME|all    drop the domain's cached answers and look it up again (all: empty the cache)",
            ConsoleCacheCommands.dnsCacheUsage,
            "mta_sts show domain NAME | refresh policy NAME | list all   MTA-STS policies (session cache)",
            "set KEY VALUE              \(ConsoleSettings.keys.joined(separator: ", "))",
            "show settings",
            "debug dane|dns|smtp|tls on|off",
            "help [COMMAND], quit, exit (or Ctrl-D); Ctrl-C interrupts a running command",
        ]
    }

    static func answer(_ topic: String?) -> Answer {
        guard let topic else { return .lines(summaries) }
        if let command = commands[topic] { return .text(Danecheck.helpMessage(for: command)) }
        let matching = summaries.filter { $0.hasPrefix(topic) }
        return matching.isEmpty ? .unknown("no command \(BoundedText.quoted(topic)) (help lists them)") : .lines(matching)
    }
}
