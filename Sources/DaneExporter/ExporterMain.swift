import ArgumentParser
import DaneCommands
import DaneCore

/// `danecheck-exporter ARGUMENTS` as a process runs it: parse, run, and map whatever ends it to
/// the exit codes of `DanecheckExit`, each error in one line on stderr ("danecheck-exporter:
/// error: …"); help and version on stdout, a success.
public enum ExporterMain {
    public static func main(_ arguments: [String]) async -> Int32 {
        do {
            var command = try ExporterCommand.parseAsRoot(arguments)
            guard var exporter = command as? ExporterCommand else {
                try command.run()
                return 0
            }
            try await exporter.run()
            return 0
        } catch {
            return status(for: error)
        }
    }

    static func status(for error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }  // --config.check's verdict, said already
        if ExporterCommand.exitCode(for: error) == .success {
            StandardOutput.text(ExporterCommand.fullMessage(for: error))
            return 0
        }
        let message = (error as? CommandError)?.message
            ?? ExporterCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        StandardError.line("danecheck-exporter: error: \(BoundedText.prefix(message, limit: 400))")
        return (error as? CommandError)?.exitCode.rawValue ?? DanecheckExit.usage.rawValue
    }
}
