import ArgumentParser
import DaneCommands
import DaneCore
import Foundation

/// Parses and runs one command of the tree, and maps whatever ends it to an exit status: the
/// same for the one-shot CLI (`main.swift`) and the console. Help and version go to stdout and
/// are a success; an `ExitCode` is its own status; any other error is one line on stderr and a
/// usage error (2: 1 means "mail would be deferred").
public enum CommandRunner {
    /// The command for `arguments` (the whole command line without the program name), or the
    /// status to end with when they do not name one.
    public static func parse(_ arguments: [String]) -> Result<any ParsableCommand, Failure> {
        if let first = arguments.first, let message = unknownCommand(first) {
            StandardError.line("danecheck: error: \(message)")
            return .failure(Failure(status: DanecheckExit.usage.rawValue, message: message))
        }
        do { return .success(try Danecheck.parseAsRoot(arguments)) } catch {
            let message = Danecheck.errorLine(for: error).replacingOccurrences(of: "danecheck: error: ", with: "")
            return .failure(Failure(status: status(for: error), message: message))
        }
    }

    /// The command names of the tree (and `help`).
    public static var commandNames: [String] {
        Danecheck.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// "unknown command 'domian' (did you mean 'domain'?)" when `word`, in a command's place,
    /// names none of `commandNames` and `also` (the console's own words); nil for a known
    /// word or an option.
    public static func unknownCommand(_ word: String, also: [String] = []) -> String? {
        let known = commandNames + also
        guard !word.hasPrefix("-"), !known.contains(word) else { return nil }
        let hint = CommandSuggestion.nearest(word, among: known).map { " (did you mean '\($0)'?)" }
            ?? " (commands: \(commandNames.dropLast().joined(separator: ", ")); see 'danecheck --help')"
        return "unknown command \(BoundedText.quoted(word))\(hint)"
    }

    /// Runs a parsed command; its exit status.
    public static func run(_ command: any ParsableCommand) async -> Int32 {
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await runAsync(&asyncCommand)
            } else {
                var plain = command
                try plain.run()
            }
            return 0
        } catch {
            return status(for: error)
        }
    }

    /// Prints what `error` has to say and returns its status.
    public static func status(for error: any Error) -> Int32 {
        if Danecheck.exitCode(for: error) == .success {
            StandardOutput.text(Danecheck.fullMessage(for: error))
            return 0
        }
        if let exit = error as? ExitCode { return exit.rawValue }
        if let failure = error as? CommandError {
            StandardError.line("danecheck: error: \(failure.message)")
            return failure.exitCode.rawValue
        }
        StandardError.line(Danecheck.errorLine(for: error))
        return DanecheckExit.usage.rawValue
    }

    /// `danecheck ARGUMENTS` as a process runs it: with no command, the console on a terminal,
    /// else a usage error naming the commands.
    public static func main(_ arguments: [String], stdinIsTerminal: Bool) async -> Int32 {
        var command: any ParsableCommand
        switch parse(arguments) {
        case .failure(let failure):
            // A plugin must answer UNKNOWN (3), in its own format, when it cannot run.
            guard arguments.first == "check", arguments.contains("--nagios"), failure.status == DanecheckExit.usage.rawValue else {
                return failure.status
            }
            StandardOutput.text("DANE UNKNOWN - \(failure.message.replacingOccurrences(of: "|", with: "/"))")
            return PluginStatus.unknown.rawValue
        case .success(let parsed): command = parsed
        }
        if command is Danecheck {
            guard stdinIsTerminal else {
                let names = Danecheck.configuration.subcommands.map { $0.configuration.commandName ?? "" }.joined(separator: ", ")
                StandardError.line("danecheck: error: missing command (\(names); see 'danecheck --help')")
                return DanecheckExit.usage.rawValue
            }
            command = ConsoleCommand()
        }
        return await run(command)
    }

    /// The status a parse failed with (it has been printed).
    public struct Failure: Error {
        public let status: Int32
        /// The error in one line, without the "danecheck: error: " prefix.
        public var message = ""
    }

    /// An async command through its async `run()` (an existential would pick the sync one).
    private static func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
        try await command.run()
    }
}
