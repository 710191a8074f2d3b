import DaneCommands
import DaneCore
import Foundation

/// The console's `set` values (`ConsoleSetting`), kept as the option words each stands for and
/// added to every command that takes them (unless the command line gives the option itself), as
/// Momentum's console settings apply to what it does next; plus the console's own: the debug
/// categories and tlsa_expire_interval.
struct ConsoleSettings: Sendable {
    /// Option words by setting key, for the settings that were set.
    private var words: [String: [String]] = [:]
    /// The value as typed, for `show settings`.
    private var typed: [String: String] = [:]
    /// Momentum's tlsa_expire_interval: how often expired TLSA answers leave the cache.
    var tlsaExpireInterval: Double = 3600
    var debug: Set<String> = []

    static let keys = ConsoleSetting.all.map(\.key) + ["tlsa_expire_interval"]

    /// Applies `set KEY VALUE`; returns an error line, or nil.
    mutating func set(_ key: String, _ value: String) -> String? {
        if key == "tlsa_expire_interval" {
            guard let seconds = Double(value), seconds > 0 else { return "tlsa_expire_interval takes seconds" }
            tlsaExpireInterval = seconds
            return nil
        }
        guard let setting = ConsoleSetting.all.first(where: { $0.key == key }) else {
            return "unknown setting \(BoundedText.quoted(key)) (\(Self.keys.joined(separator: ", ")))"
        }
        switch setting.words(for: value) {
        case .failure(let error): return error.message
        case .success(let optionWords):
            words[key] = optionWords
            typed[key] = value
            return nil
        }
    }

    /// `show settings`.
    var lines: [String] {
        ConsoleSetting.all.map { setting in
            guard let value = typed[setting.key] else { return "\(setting.key) \(setting.unsetShown?() ?? setting.unset)" }
            return "\(setting.key) \(setting.shown?(value) ?? value)"
        } + ["tlsa_expire_interval \(Int(tlsaExpireInterval))s", "debug \(debug.isEmpty ? "off" : debug.sorted().joined(separator: ","))"]
    }

    /// The words of the settings that a command or option group taking `options` (option names)
    /// receives, leaving out those `gives` says the command line gives itself.
    func arguments(takenBy options: Set<String>, gives: (String) -> Bool = { _ in false }) -> [String] {
        var out: [String] = []
        for setting in ConsoleSetting.all {
            if options.contains(setting.option), !gives(setting.option) { out += words[setting.key] ?? [] }
            if setting.key == "timeout", !debug.isEmpty, options.contains("--debug"), !gives("--debug") {
                out += ["--debug", debug.sorted().joined(separator: ",")]
            }
        }
        return out
    }

    /// The command's words with the settings it does not give itself, placed right after the
    /// command name so that an option the user typed still comes later and wins.
    func apply(to words: [String]) -> [String] {
        guard let command = words.first else { return words }
        // "tlsa create", "tlsa verify": the options belong to the subcommand, after its name.
        let head = command == "tlsa" ? Array(words.prefix(2)) : [command]
        guard var options = ConsoleCompleter.options[head.joined(separator: " ")] else { return words }
        func gives(_ option: String) -> Bool { words.contains { $0 == option || $0.hasPrefix(option + "=") } }
        // check takes a CA file only for --tls-verify or --mta-sts.
        let verifies = self.words["tls_verify"].map { $0 != ["--tls-verify", "none"] } ?? false
        if command == "check", !(self.words["mta_sts"]?.isEmpty == false || verifies || gives("--mta-sts") || gives("--tls-verify")) {
            options.remove("--ca-file")
        }
        return head + arguments(takenBy: options, gives: gives) + words.dropFirst(head.count)
    }
}
