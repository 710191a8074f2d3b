import ArgumentParser
import DaneCommands
import DaneCore
import Foundation

/// The console: Momentum-style commands over the one-shot CLI's command tree and one shared,
/// TTL-honouring cache. On a terminal it uses libedit (prompt, history, completion, Ctrl-C);
/// otherwise it reads commands line by line without prompt or echo. Its state belongs to the one
/// task that runs it; what the line-reading thread reads (completion names) is behind a lock.
public final class ConsoleSession {
    private let interactive: Bool
    private var settings = ConsoleSettings()
    private let editor: LineEditor?
    private let commands: ConsoleCommandRun
    private var lastFailure: Int32 = 0
    private var lastSweep = ContinuousClock.now
    /// The Ctrl-C count when the current line was read: a Ctrl-C after Enter interrupts its
    /// command, however long the console takes to start it (a loaded machine).
    private var interruptMark: UInt64 = 0
    /// Domain and host names in the cache, refreshed after each command, for tab completion.
    private let names = CompletionNames()

    public init(interactive: Bool) {
        self.interactive = interactive
        editor = interactive ? LineEditor(historyPath: Self.historyPath()) : nil
        commands = ConsoleCommandRun(interrupt: interactive ? InterruptSignal() : nil)
    }

    /// Runs until quit, exit or end of input. Returns 0 on a terminal; when reading a script,
    /// the status of the last command that failed (0 when none did).
    public func run() async -> Int32 {
        CommandEnvironment.shared.shareLookups()
        let names = self.names
        LineEditor.completer = { text in ConsoleCompleter(names: names.current).complete(text) }
        if interactive {
            output("danecheck \(Danecheck.version) console: commands as on the command line (domain, probe, check), "
                   + "plus dig, refresh, dns_cache, set, show, debug; help lists them; Ctrl-D leaves.")
        }
        while let (line, mark) = await nextLine() {
            interruptMark = mark
            let words = ConsoleWords.split(line)
            guard let first = words.first, !first.hasPrefix("#") else { continue }  // blank or comment
            editor?.remember(line)
            await sweepIfDue()
            guard let status = await execute(words) else { break }
            if status != 0 { lastFailure = status }
            if interactive, let lookups = CommandEnvironment.shared.currentLookups {
                names.replace(with: ConsoleCacheCommands.names(in: await lookups.cached()))
            }
        }
        return interactive ? 0 : lastFailure
    }

    /// The next line, read on a thread of its own: waiting for the user never holds one of the
    /// cooperative threads that background lookups (dig, an abandoned command) need. With it, the
    /// Ctrl-C count taken on that thread the moment the line was read.
    private func nextLine() async -> (String, UInt64)? {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let prompt = "\(formatter.string(from: Date())) danecheck> "
        nonisolated(unsafe) let editor = editor
        let interrupt = commands.interrupt
        return await withCheckedContinuation { continuation in
            Thread {
                let line = editor.map { $0.readLine(prompt: prompt) } ?? Swift.readLine()
                let mark = interrupt?.mark() ?? 0
                continuation.resume(returning: line.map { ($0, mark) })
            }.start()
        }
    }

    /// Runs one command; nil means leave the console.
    func execute(_ words: [String]) async -> Int32? {
        switch words[0] {
        case "quit", "exit":
            return nil
        case "help":
            switch ConsoleHelp.answer(words.dropFirst().first) {
            case .text(let text): StandardOutput.text(text)
            case .lines(let lines): lines.forEach(output)
            case .unknown(let message): return usage(message)
            }
            return 0
        case "set":
            return await set(words)
        case "show":
            guard words.dropFirst().first == "settings" else { return usage("show settings") }
            settings.lines.forEach(output)
            return 0
        case "debug":
            guard words.count == 3, ["dane", "dns", "smtp", "tls"].contains(words[1]), ["on", "off"].contains(words[2]) else {
                return usage("debug dane|dns|smtp|tls on|off")
            }
            if words[2] == "on" { settings.debug.insert(words[1]) } else { settings.debug.remove(words[1]) }
            output("debug \(words[1]) \(words[2])")
            return 0
        case "dig", "refresh", "dns_cache":
            guard let lookups = lookups() else { return DanecheckExit.usage.rawValue }
            let cache = ConsoleCacheCommands(lookups: lookups)
            let result = switch words[0] {
            case "dig": cache.dig(words)
            case "refresh": await cache.refresh(words)
            default: await cache.dnsCache(words)
            }
            switch result {
            case .lines(let lines): lines.forEach(output)
            case .usage(let message): return usage(message)
            case .lookUpAgain(let domain): return await commands.run(settings.apply(to: ["domain", domain]), since: interruptMark)
            }
            return 0
        case "mta_sts":
            guard let service = lookups(), let resolver = parsedSettings(ResolverOptions.self),
                  let mtaSTS = parsedSettings(MTASTSOptions.self) else { return DanecheckExit.usage.rawValue }
            let fetches = ConsoleMTASTS(lookups: service, timeout: resolver.timeout, caFile: mtaSTS.caFile)
            guard let lines = await fetches.run(words) else { return usage(ConsoleMTASTS.usage) }
            lines.forEach(output)
            return 0
        case "console":
            return usage("already in the console")
        case "exporter":
            return usage("the exporter is a server of its own: run `danecheck exporter` outside the console")
        default:
            if let message = CommandRunner.unknownCommand(words[0], also: ConsoleCompleter.consoleCommands) { return usage(message) }
            if let file = words.firstIndex(of: "--file"), words.indices.contains(file + 1), words[file + 1] == "-" {
                return usage("--file - reads the console's own input: give a file name")
            }
            return await commands.run(settings.apply(to: words), since: interruptMark)
        }
    }

    private func set(_ words: [String]) async -> Int32 {
        guard words.count == 3 else { return usage("set KEY VALUE (\(ConsoleSettings.keys.joined(separator: ", ")))") }
        if let error = settings.set(words[1], words[2]) { return usage(error) }
        if ["resolver", "trust_anchor"].contains(words[1]) {
            // Answers from other resolvers (or anchors) are not this one's: start the cache afresh.
            await CommandEnvironment.shared.currentLookups?.forget(nil)
        }
        output("\(words[1]) set to \(words[2])")
        return 0
    }

    private func output(_ line: String) { StandardOutput.lines([line]) }

    private func usage(_ text: String) -> Int32 {
        StandardError.line("danecheck: error: \(text)")
        return DanecheckExit.usage.rawValue
    }

    /// An option group as the settings fill it (the console's own lookups and fetches use them);
    /// nil when they do not parse (the error has been printed).
    private func parsedSettings<Group: ParsableArguments>(_ group: Group.Type) -> Group? {
        do { return try Group.parse(settings.arguments(takenBy: ConsoleCompleter.optionNames(group))) } catch {
            _ = CommandRunner.status(for: error)
            return nil
        }
    }

    /// A lookup service over the console's one cache, sending as the settings say.
    private func lookups() -> DNSLookupService? {
        parsedSettings(ResolverOptions.self).flatMap { CommandEnvironment.shared.lookups(for: $0.configuration()) }
    }

    /// Momentum's tlsa_expire_interval: expired TLSA answers leave the cache this often.
    private func sweepIfDue() async {
        guard ContinuousClock.now - lastSweep >= .seconds(settings.tlsaExpireInterval) else { return }
        lastSweep = .now
        await CommandEnvironment.shared.currentLookups?.sweep(.tlsa)
    }

    static func historyPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let manager = FileManager.default
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            let dir = state + "/danecheck"
            try? manager.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return dir + "/history"
        }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.danecheck_history" }
        return nil
    }
}
