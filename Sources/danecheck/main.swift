import ArgumentParser
import DaneCommands
import DaneConsole
import Foundation

/// Runs an async command through its async `run()` (an existential would pick the sync one).
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

// OpenSSL writes to sockets with write(2): a peer that reset the connection must give an error,
// not kill the run with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

// Parses the command line, runs the command, maps every error to a documented exit code.
// Usage errors print one line on stderr and exit 2 (ArgumentParser's own code would be 64).
do {
    var command = try Danecheck.parseAsRoot()
    if command is Danecheck, isatty(STDIN_FILENO) == 1 {
        // `danecheck` alone on a terminal: the console.
        command = ConsoleCommand()
    } else if command is Danecheck {
        // No subcommand: a usage error, with the usage line to say what to type.
        let names = Danecheck.configuration.subcommands.map { $0.configuration.commandName ?? "" }.joined(separator: ", ")
        StandardError.line("danecheck: error: missing command (\(names); see 'danecheck --help')")
        exit(DanecheckExit.usage.rawValue)
    }
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch {
    let code = Danecheck.exitCode(for: error)
    if code == .success {
        print(Danecheck.fullMessage(for: error))
        exit(0)
    }
    if let exitCode = error as? ExitCode {
        exit(exitCode.rawValue)
    }
    StandardError.line(Danecheck.errorLine(for: error))
    // Every other failure here is about the command line: exit 2 (1 means "mail would be deferred").
    exit(DanecheckExit.usage.rawValue)
}
