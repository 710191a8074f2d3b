import ArgumentParser
import DaneCommands
import DaneCore
import Foundation

/// The console: Momentum-style commands over the one-shot CLI's command tree and one shared,
/// TTL-honouring cache. On a terminal it uses libedit (prompt, history, completion, Ctrl-C);
/// otherwise it reads commands line by line without prompt or echo.
public final class ConsoleSession: @unchecked Sendable {
    private let interactive: Bool
    private var settings = ConsoleSettings()
    private let editor: LineEditor?
    private let interrupt: InterruptSignal?
    private var lastFailure: Int32 = 0
    private var lastSweep = ContinuousClock.now
    /// Domain and host names in the cache, refreshed after each command, for tab completion.
    private var knownNames: [String] = []
    private let output: (String) -> Void

    public init(interactive: Bool) {
        self.interactive = interactive
        editor = interactive ? LineEditor(historyPath: Self.historyPath()) : nil
        interrupt = interactive ? InterruptSignal() : nil
        output = { StandardOutput.lines([$0]) }
    }

    /// Runs until quit, exit or end of input. Returns 0 on a terminal; when reading a script,
    /// the status of the last command that failed (0 when none did).
    public func run() async -> Int32 {
        CommandEnvironment.shared.shareLookups()
        LineEditor.completer = { [weak self] text in
            ConsoleCompleter(names: self?.knownNames ?? []).complete(text)
        }
        if interactive {
            output("danecheck \(Danecheck.version) console: commands as on the command line (domain, probe, check), "
                   + "plus dig, refresh, dns_cache, set, show, debug; help lists them; Ctrl-D leaves.")
        }
        while let line = await nextLine() {
            let words = ConsoleWords.split(line)
            guard let first = words.first, !first.hasPrefix("#") else { continue }  // blank or comment
            editor?.remember(line)
            await sweepIfDue()
            guard let status = await execute(words) else { break }
            fflush(nil)  // in order with stderr when both go to one file
            if status != 0 { lastFailure = status }
            if interactive { knownNames = await cachedNames }
        }
        return interactive ? 0 : lastFailure
    }

    /// The next line, read on a thread of its own: waiting for the user never holds one of the
    /// cooperative threads that background lookups (dig, an abandoned command) need.
    private func nextLine() async -> String? {
        let editor = editor
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let prompt = "\(formatter.string(from: Date())) danecheck> "
        nonisolated(unsafe) let unsafeEditor = editor
        return await withCheckedContinuation { continuation in
            Thread {
                let line = unsafeEditor.map { $0.readLine(prompt: prompt) } ?? Swift.readLine()
                continuation.resume(returning: line)
            }.start()
        }
    }

    /// Runs one command; nil means leave the console.
    func execute(_ words: [String]) async -> Int32? {
        switch words[0] {
        case "quit", "exit":
            return nil
        case "help":
            return help(words.dropFirst().first)
        case "set":
            guard words.count == 3 else { return usage("set KEY VALUE (\(ConsoleSettings.keys.joined(separator: ", ")))") }
            if let error = settings.set(words[1], words[2]) { return usage(error) }
            if ["resolver", "trust_anchor"].contains(words[1]) {
                // Answers from other resolvers (or anchors) are not this one's: start the cache afresh.
                await CommandEnvironment.shared.currentLookups?.forget(nil)
            }
            output("\(words[1]) set to \(words[2])")
            return 0
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
        case "dig":
            return await dig(words)
        case "refresh":
            return await refresh(words)
        case "dns_cache":
            return await dnsCache(words)
        case "mta_sts":
            guard let service = lookups(), let resolver = parsedSettings(ResolverOptions.self),
                  let mtaSTS = parsedSettings(MTASTSOptions.self) else { return DanecheckExit.usage.rawValue }
            let commands = ConsoleMTASTS(lookups: service, timeout: resolver.timeout, caFile: mtaSTS.caFile)
            guard let lines = await commands.run(words) else { return usage(ConsoleMTASTS.usage) }
            lines.forEach(output)
            return 0
        case "console":
            return usage("already in the console")
        default:
            if let file = words.firstIndex(of: "--file"), words.indices.contains(file + 1), words[file + 1] == "-" {
                return usage("--file - reads the console's own input: give a file name")
            }
            return await runCommand(settings.apply(to: words))
        }
    }

    // MARK: commands of the tree

    private func runCommand(_ words: [String]) async -> Int32 {
        let command: any ParsableCommand
        switch CommandRunner.parse(words) {
        case .failure(let failure): return failure.status
        case .success(let parsed): command = parsed
        }
        nonisolated(unsafe) let parsed = command
        let gate = OutputGate()
        let task = Task { () -> Int32 in
            await OutputGate.$current.withValue(gate) {
                let status = await CommandRunner.run(parsed)
                return Task.isCancelled ? 130 : status
            }
        }
        guard let interrupt else { return await task.value }
        guard let finished = await Self.race(task, interrupt) else {
            gate.close()  // whatever the abandoned command prints from now on is dropped
            task.cancel()
            output("interrupted")
            return 130
        }
        return finished
    }

    /// The command's status, or nil when Ctrl-C came first (the command is left to finish alone).
    private static func race(_ task: Task<Int32, Never>, _ interrupt: InterruptSignal) async -> Int32? {
        let once = OnceFlag()
        var waiter: Task<Void, Never>?
        let result: Int32? = await withCheckedContinuation { continuation in
            Task {
                let status = await task.value
                if once.claim() { continuation.resume(returning: status) }
            }
            waiter = Task {
                if await interrupt.next(), once.claim() { continuation.resume(returning: nil) }
            }
        }
        waiter?.cancel()
        return result
    }


    private func usage(_ text: String) -> Int32 {
        StandardError.line("danecheck: error: \(text)")
        return DanecheckExit.usage.rawValue
    }

    private func help(_ topic: String?) -> Int32 {
        let commands: [String: any ParsableCommand.Type] = [
            "domain": DomainCommand.self, "probe": ProbeCommand.self, "check": CheckCommand.self,
        ]
        if let topic, let command = commands[topic] {
            StandardOutput.text(Danecheck.helpMessage(for: command))
            return 0
        }
        let lines = [
            "domain NAME [options]      MX hosts, addresses and TLSA records, with DNSSEC status (--probe to probe)",
            "probe HOST [options]       STARTTLS and DANE verification of every address of an MX host",
            "check DOMAIN... [options]  one verdict per domain",
            "chain NAME [TYPE] [options] the DNSSEC chain of trust behind one answer, validated here",
            "tlsa create HOST|--cert F  the TLSA records to publish (3 1 1 + 2 1 1), verified against the chain",
            "dig DOMAIN                 look up the MX RRset into the cache (answers: submitted)",
            "refresh domain NAME|all    drop the domain's cached answers and look it up again (all: empty the cache)",
            "dns_cache lookup NAME TYPE | submit NAME TYPE | stats | list",
            "mta_sts show domain NAME | refresh policy NAME | list all   MTA-STS policies (session cache)",
            "set KEY VALUE              \(ConsoleSettings.keys.joined(separator: ", "))",
            "show settings",
            "debug dane|dns|smtp|tls on|off",
            "help [COMMAND], quit, exit (or Ctrl-D); Ctrl-C interrupts a running command",
        ]
        if let topic {
            let matching = lines.filter { $0.hasPrefix(topic + " ") || $0.hasPrefix(topic + "\t") || $0.hasPrefix(topic) }
            guard !matching.isEmpty else { return usage("no command '\(topic)' (help lists them)") }
            matching.forEach(output)
            return 0
        }
        lines.forEach(output)
        return 0
    }

    // MARK: the cache

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

    var cachedNames: [String] {
        get async {
            guard let service = CommandEnvironment.shared.currentLookups else { return [] }
            let lookups = await service.cached()
            var names = Set<String>()
            for lookup in lookups where !lookup.name.text.hasPrefix("_") {
                names.insert(lookup.name.text)
                for record in lookup.records {
                    if case .mx(_, let exchange) = record, exchange.text != "." { names.insert(exchange.text) }
                }
            }
            return names.sorted()
        }
    }

    private func dig(_ words: [String]) async -> Int32 {
        guard words.count == 2 else { return usage("dig DOMAIN") }
        guard let name = parseName(words[1]), let service = lookups() else { return DanecheckExit.usage.rawValue }
        Task { _ = await service.lookup(name, .mx) }
        output("submitted")
        return 0
    }

    private func refresh(_ words: [String]) async -> Int32 {
        guard words.count == 3, words[1] == "domain" else { return usage("refresh domain NAME|all") }
        guard let service = lookups() else { return DanecheckExit.usage.rawValue }
        if words[2] == "all" {
            await service.forget(nil)
            output("cache emptied")  // nothing to look up again: the next command asks afresh
            return 0
        }
        guard let name = parseName(words[2]) else { return DanecheckExit.usage.rawValue }
        // Every name the domain's walk touches (MX, hosts, CNAME targets, TLSA owners), read
        // from the walk itself, so nothing of it is answered from the cache afterwards.
        await service.forget(await Self.namesReachable(from: name, in: service.cached(includingExpired: true)))
        return await runCommand(settings.apply(to: ["domain", words[2]]))
    }

    /// Every cached name the domain's walk reaches: the domain, its MX hosts, their CNAME targets
    /// and TLSA owners (with the TLSA owners' own CNAME targets).
    static func namesReachable(from domain: DNSName, in lookups: [Lookup]) -> Set<DNSName> {
        var names: Set<DNSName> = [domain]
        var frontier = [domain]
        while let name = frontier.popLast() {
            for lookup in lookups where lookup.name == name {
                var found = [lookup.owner] + lookup.aliases
                for record in lookup.records {
                    if case .mx(_, let exchange) = record, exchange.text != "." { found.append(exchange) }
                }
                if lookup.type == .a || lookup.type == .aaaa { found += ([lookup.name, lookup.owner]).map { $0.tlsaName() } }
                for next in found where names.insert(next).inserted { frontier.append(next) }
            }
        }
        return names
    }

    private func dnsCache(_ words: [String]) async -> Int32 {
        guard words.count >= 2, let service = lookups() else { return usage("dns_cache lookup NAME TYPE | submit NAME TYPE | stats | list") }
        switch (words[1], words.count) {
        case ("stats", 2):
            let stats = await service.statistics
            let perType = stats.asked.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key) \($0.value)" }
            output("questions: \(stats.totalAsked) (\(perType.joined(separator: ", ")))")
            output("sent to a resolver: \(stats.responses)")
            output(String(format: "cache hits: %d (%.1f%%)", stats.totalHits, stats.hitRate * 100))
        case ("list", 2):
            for lookup in await service.cached().sorted(by: { ($0.name, $0.type.rawValue) < ($1.name, $1.type.rawValue) }) {
                output(Self.line(lookup))
            }
        case ("lookup", 4), ("submit", 4):
            // Any owner name, TLSA owners ("_25._tcp.mx.example.test") included.
            guard let name = parseOwner(words[2]) else { return DanecheckExit.usage.rawValue }
            guard let type = RecordType(askable: words[3]) else {
                return usage("unknown record type '\(words[3])'")
            }
            if words[1] == "submit" {
                Task { _ = await service.lookup(name, type) }
                output("submitted")
            } else if let lookup = await service.cached().first(where: { $0.name == name && $0.type == type }) {
                output(Self.line(lookup))
            } else {
                output("\(name.absolute) \(type) is not in the cache")
            }
        default:
            return usage("dns_cache lookup NAME TYPE | submit NAME TYPE | stats | list")
        }
        return 0
    }

    /// "example.test. MX secure records TTL:3540".
    static func line(_ lookup: Lookup) -> String {
        let ttl = lookup.ttl.map { " TTL:\($0)" } ?? ""
        return "\(lookup.name.absolute) \(lookup.type) \(lookup.status.rawValue) \(lookup.answer.keyword)\(ttl)"
    }

    /// A DNS owner name as typed: mail-domain rules, except that "_" labels are allowed.
    private func parseOwner(_ text: String) -> DNSName? {
        do { return try DNSName(validatingOwner: text) } catch {
            _ = usage(error.description)
            return nil
        }
    }

    private func parseName(_ text: String) -> DNSName? {
        do { return try DNSName(validating: text) } catch {
            _ = usage(error.description)
            return nil
        }
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
