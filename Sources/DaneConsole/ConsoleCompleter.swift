import ArgumentParser
import DaneCommands

/// Tab completion: command names, their sub-words and options, and names already in the cache.
/// Pure: given the text before the cursor, returns what to insert and the candidates.
struct ConsoleCompleter {
    static let consoleCommands = ["help", "quit", "exit", "dig", "refresh", "dns_cache", "mta_sts", "set", "show", "debug"]
    static let commands = ["domain", "probe", "check", "chain", "tlsa"]

    /// Option names of each command, read from its help so they follow the command tree.
    static let options: [String: Set<String>] = [
        "domain": optionNames(DomainCommand.self),
        "probe": optionNames(ProbeCommand.self),
        "check": optionNames(CheckCommand.self),
        "chain": optionNames(ChainCommand.self),
        "tlsa create": optionNames(TLSACreateCommand.self),
        "tlsa verify": optionNames(TLSAVerifyCommand.self),
    ]

    static func optionNames(_ command: any ParsableCommand.Type) -> Set<String> {
        optionNames(inHelp: Danecheck.helpMessage(for: command, columns: 1000))
    }

    /// The options of an option group (the settings that fill it).
    static func optionNames(_ group: any ParsableArguments.Type) -> Set<String> {
        optionNames(inHelp: group.helpMessage(columns: 1000))
    }

    private static func optionNames(inHelp help: String) -> Set<String> {
        var names = Set<String>()
        var index = help.startIndex
        while let range = help.range(of: #"--[a-z][a-z0-9-]*"#, options: .regularExpression, range: index..<help.endIndex) {
            names.insert(String(help[range]))
            index = range.upperBound
        }
        return names
    }

    /// Domain and host names in the cache.
    var names: [String] = []

    func complete(_ before: String) -> (insert: String, candidates: [String]) {
        let endsWithSpace = before.last == " "
        var words = before.split(separator: " ").map(String.init)
        let partial = endsWithSpace || words.isEmpty ? "" : words.removeLast()
        let choices = candidates(after: words, partial: partial)
        let matching = choices.filter { $0.hasPrefix(partial) }
        guard !matching.isEmpty else { return ("", []) }
        if matching.count == 1 { return (String(matching[0].dropFirst(partial.count)) + " ", matching) }
        let common = matching.dropFirst().reduce(matching[0]) { prefix, word in
            String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
        }
        return (String(common.dropFirst(partial.count)), matching.sorted())
    }

    private func candidates(after words: [String], partial: String) -> [String] {
        guard let first = words.first else { return Self.consoleCommands + Self.commands }
        switch first {
        case "domain", "probe", "check", "chain":
            return partial.hasPrefix("-") ? (Self.options[first] ?? []).sorted() : names
        case "tlsa":
            return words.count == 1 ? ["create", "verify"]
                : (partial.hasPrefix("-") ? (Self.options["tlsa \(words[1])"] ?? []).sorted() : names)
        case "mta_sts":
            switch words.count {
            case 1: return ["show", "refresh", "list"]
            case 2: return words[1] == "show" ? ["domain"] : words[1] == "refresh" ? ["policy"] : ["all"]
            default: return names
            }
        case "refresh":
            return words.count == 1 ? ["domain"] : names + ["all"]
        case "dns_cache":
            return words.count == 1 ? ["lookup", "submit", "stats", "list"] : (words.count == 2 ? names : ["MX", "A", "AAAA", "TLSA", "CNAME"])
        case "set":
            return words.count == 1 ? ConsoleSettings.keys : []
        case "show":
            return ["settings"]
        case "debug":
            return words.count == 1 ? ["dane", "dns", "smtp", "tls"] : ["on", "off"]
        case "dig":
            return names
        case "help":
            return Self.consoleCommands + Self.commands
        default:
            return []
        }
    }
}
