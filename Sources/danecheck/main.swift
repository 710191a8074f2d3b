import ArgumentParser
import DaneCommands
import Foundation

/// Runs an async command through its async `run()` (an existential would pick the sync one).
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

// Parses the command line, runs the command, maps every error to a documented exit code.
// Usage errors print one line on stderr and exit 2 (ArgumentParser's own code would be 64).
do {
    var command = try Danecheck.parseAsRoot()
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
    let message = Danecheck.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    FileHandle.standardError.write(Data("danecheck: error: \(message)\n".utf8))
    exit(code == .validationFailure ? DanecheckExit.usage.rawValue : code.rawValue)
}
