import ArgumentParser
import DaneCommands
import DaneCore

/// One `set KEY VALUE` of the console: the command-line option it stands for, in the option
/// group that declares it. A value is checked by parsing it with that group, as the command line
/// is (the same messages, no second copy of the checks), and is kept as the words the group
/// parsed; commands that take the option get those words unless they give the option themselves.
struct ConsoleSetting: Sendable {
    enum Form: Sendable {
        /// `--option VALUE`; `list`: a comma-separated value becomes the option repeated.
        case value(list: Bool)
        /// A flag given when the setting is on (`mta_sts on` → `--mta-sts`).
        case flagWhenOn
        /// A flag given when the setting is off (`use_dane off` → `--no-use-dane`).
        case flagWhenOff
    }

    let key: String
    let option: String
    let form: Form
    /// Parses the words as the declaring option group does; throws its error.
    let check: @Sendable ([String]) throws -> Void
    /// `show settings` when not set.
    let unset: String
    /// `show settings` when not set, worked out when shown (the resolvers resolv.conf names now).
    var unsetShown: (@Sendable () -> String)?
    /// `show settings` for the value as typed (none: as typed).
    var shown: (@Sendable (String) -> String)?

    /// Every setting, in the order `show settings` lists them and commands receive them.
    static let all: [ConsoleSetting] = [
        ConsoleSetting(key: "resolver", option: "--resolver", form: .value(list: true), check: { _ = try ResolverOptions.parse($0) },
                       unset: "(from \(ResolvConf.defaultPath))", unsetShown: {
                           switch Result(catching: { () throws(ResolvConfError) in try ResolvConf.nameservers(atPath: ResolvConf.defaultPath) }) {
                           case .success(let servers): "\(servers.map(\.description).joined(separator: ",")) (from \(ResolvConf.defaultPath))"
                           case .failure(let error): "(\(error))"
                           }
                       }),
        ConsoleSetting(key: "timeout", option: "--timeout", form: .value(list: false), check: { _ = try ResolverOptions.parse($0) },
                       unset: "5s", shown: { Double($0).map { TimeFormat.seconds($0) } ?? $0 }),
        ConsoleSetting(key: "validation", option: "--validation", form: .value(list: false), check: { _ = try ResolverOptions.parse($0) },
                       unset: "resolver"),
        ConsoleSetting(key: "trust_anchor", option: "--trust-anchor", form: .value(list: true), check: { _ = try ResolverOptions.parse($0) },
                       unset: "(\(TrustAnchorFile.defaultPath))"),
        ConsoleSetting(key: "use_dane", option: "--no-use-dane", form: .flagWhenOff, check: { _ = try PolicyOptions.parse($0) }, unset: "on"),
        ConsoleSetting(key: "enable_dane", option: "--no-enable-dane", form: .flagWhenOff, check: { _ = try PolicyOptions.parse($0) }, unset: "on"),
        ConsoleSetting(key: "tls", option: "--tls", form: .value(list: false), check: { _ = try PolicyOptions.parse($0) }, unset: "ifavailable"),
        ConsoleSetting(key: "tls_verify", option: "--tls-verify", form: .value(list: false), check: { _ = try PolicyOptions.parse($0) },
                       unset: "none"),
        ConsoleSetting(key: "insecure_mx", option: "--insecure-mx", form: .value(list: false), check: { _ = try PolicyOptions.parse($0) },
                       unset: "may"),
        ConsoleSetting(key: "mta_sts", option: "--mta-sts", form: .flagWhenOn, check: { _ = try PolicyOptions.parse($0) }, unset: "off"),
        ConsoleSetting(key: "ca_file", option: "--ca-file", form: .value(list: false), check: { _ = try MTASTSOptions.parse($0) },
                       unset: "(system store)"),
    ]

    /// The option words for VALUE, or the line that says why VALUE is not one.
    func words(for value: String) -> Result<[String], SettingError> {
        let words: [String]
        switch form {
        case .value(let list):
            let values = list ? value.split(separator: ",").map(String.init) : [value]
            words = values.flatMap { [option, $0] }
        case .flagWhenOn, .flagWhenOff:
            guard let on = Self.flag(value) else { return .failure(SettingError(message: "\(key) takes on or off")) }
            if case .flagWhenOn = form { words = on ? [option] : [] } else { words = on ? [] : [option] }
        }
        do { try check(words) } catch {
            let message = ResolverOptions.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            return .failure(SettingError(message: message))
        }
        return .success(words)
    }

    static func flag(_ text: String) -> Bool? {
        ["on", "yes", "true", "1"].contains(text) ? true : ["off", "no", "false", "0"].contains(text) ? false : nil
    }

    struct SettingError: Error {
        let message: String
    }
}
