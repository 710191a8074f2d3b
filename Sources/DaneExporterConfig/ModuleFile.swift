import ArgumentParser
import Foundation
import Yams

/// The exporter's module file (`--config.file FILE`, YAML; danecheck-exporter-modules(5)): named
/// modules, each a few of `check`'s knobs and the exporter's own target rules. Every key is turned
/// into the option it stands for and parsed with `ModuleOptions`, so a value is checked as on the
/// command line; an unknown key or a bad value is an error naming the file, line and key.
///
///     modules:
///       default: { validation: resolver, resolver: [127.0.0.53], timeout: 5 }
///       strict:  { validation: local, insecure_mx: dane, mta_sts: true, require_dane: true }
public enum ModuleFile {
    public typealias Failure = ConfigFailure

    /// Each key: the option, and whether it is a list, a flag when true, or a flag when false.
    enum Form { case value, list, flagWhenTrue, flagWhenFalse }
    static let keys: [String: (option: String, form: Form)] = [
        "resolver": ("--resolver", .list), "timeout": ("--timeout", .value), "retries": ("--retries", .value),
        "validation": ("--validation", .value), "trust_anchor": ("--trust-anchor", .list),
        "use_dane": ("--no-use-dane", .flagWhenFalse), "enable_dane": ("--no-enable-dane", .flagWhenFalse),
        "tls": ("--tls", .value), "tls_verify": ("--tls-verify", .value), "ca_file": ("--ca-file", .value),
        "insecure_mx": ("--insecure-mx", .value), "mta_sts": ("--mta-sts", .flagWhenTrue),
        "ehlo": ("--ehlo", .value), "warn_days": ("--warn-days", .value), "public_ca_file": ("--public-ca-file", .value),
        "require_dane": ("--require-dane", .flagWhenTrue),
        "allowed_domains": ("--allowed-domain", .list), "allow_private_addresses": ("--allow-private-addresses", .flagWhenTrue),
    ]

    /// The modules of a file, by name, as option words (parsed once here to check them).
    public static func load(_ path: String) throws(Failure) -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(file: path, "cannot read the module file") }
        return try parse(String(decoding: data, as: UTF8.self), source: path)
    }

    public static func parse(_ text: String, source: String) throws(Failure) -> [String: [String]] {
        let (result, lines) = try read(text, source: source)
        for name in result.keys.sorted() {
            do { _ = try ModuleOptions.parse(result[name] ?? []) } catch {
                let message = ModuleOptions.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid"
                throw Failure(file: source, line: lines[name], key: "modules.\(name)", message)
            }
        }
        return result
    }

    /// The modules as option words, from the YAML alone (their values are checked by `parse`,
    /// through the command line's parser). Read from Yams's node tree, not `Yams.load`: its
    /// constructor force-unwraps every mapping key as a string and traps on a key that is a
    /// list or a mapping (`{[127.0.0.1]: resolver}`, found by the module-file fuzz target).
    static func words(_ text: String, source: String) throws(Failure) -> [String: [String]] {
        try read(text, source: source).modules
    }

    /// The option words of each module and the line each module starts on.
    static func read(_ text: String, source: String) throws(Failure) -> (modules: [String: [String]], lines: [String: Int]) {
        let yaml = YAMLDocument(file: source)
        let root = try yaml.root(text)
        guard root.mapping != nil else { throw yaml.failure(root, nil, "expected a mapping with 'modules'") }
        let top = try yaml.pairs(root, key: nil, known: ["modules"])
        guard let modules = top.first(where: { $0.key == "modules" }), let mapping = modules.value.mapping, !mapping.isEmpty else {
            throw Failure(file: source, line: top.first?.line, key: "modules", "must map module names to their settings")
        }
        var result: [String: [String]] = [:]
        var lines: [String: Int] = [:]
        for (name, body, line) in try yaml.pairs(modules.value, key: "modules", known: nil) {
            guard name.range(of: #"^[A-Za-z0-9_-]{1,64}$"#, options: .regularExpression) != nil else {
                throw Failure(file: source, line: line, key: "modules", "module name '\(name.prefix(64))' must be letters, digits, '-' or '_'")
            }
            result[name] = try words(body, module: name, yaml: yaml)
            lines[name] = line
        }
        return (result, lines)
    }

    static func words(_ body: Node, module: String, yaml: YAMLDocument) throws(Failure) -> [String] {
        var words: [String] = []
        for (key, value, _) in try yaml.pairs(body, key: "modules.\(module)", known: Array(keys.keys)) {
            guard let (option, form) = keys[key] else { continue }
            let path = "modules.\(module).\(key)"
            switch form {
            case .value:
                words += [option, try yaml.scalar(value, key: path)]
            case .list:
                for item in try yaml.list(value, key: path) { words += [option, item] }
            case .flagWhenTrue, .flagWhenFalse:
                if try yaml.bool(value, key: path) == (form == .flagWhenTrue) { words.append(option) }
            }
        }
        return words
    }
}
