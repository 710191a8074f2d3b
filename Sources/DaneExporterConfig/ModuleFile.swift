import ArgumentParser
import Foundation
import Yams

/// The exporter's module file (`--config FILE`, YAML): named modules, each a few of `check`'s
/// knobs. Every key is turned into the option it stands for and parsed with `ModuleOptions`, so a
/// value is checked as on the command line; an unknown key or a bad value stops the start-up.
///
///     modules:
///       default: { validation: resolver, resolver: [127.0.0.53], timeout: 5 }
///       strict:  { validation: local, insecure_mx: dane, mta_sts: true, require_dane: true }
public enum ModuleFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

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
    ]

    /// The modules of a file, by name, as option words (parsed once here to check them).
    public static func load(_ path: String) throws(Failure) -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read --config \(path)") }
        return try parse(String(decoding: data, as: UTF8.self), source: path)
    }

    public static func parse(_ text: String, source: String) throws(Failure) -> [String: [String]] {
        let result = try words(text, source: source)
        for name in result.keys.sorted() {
            do { _ = try ModuleOptions.parse(result[name] ?? []) } catch {
                throw Failure(description: "\(source): module '\(name)': \(ModuleOptions.message(for: error).split(separator: "\n").first ?? "invalid")")
            }
        }
        return result
    }

    /// The modules as option words, from the YAML alone (their values are checked by `parse`,
    /// through the command line's parser). Read from Yams's node tree, not `Yams.load`: its
    /// constructor force-unwraps every mapping key as a string and traps on a key that is a
    /// list or a mapping (`{[127.0.0.1]: resolver}`, found by the module-file fuzz target).
    static func words(_ text: String, source: String) throws(Failure) -> [String: [String]] {
        let document: Node?
        do { document = try Yams.compose(yaml: text) } catch { throw Failure(description: "\(source): not YAML: \(String(describing: error).prefix(200))") }
        guard let top = document?.mapping else { throw Failure(description: "\(source): expected a mapping with 'modules'") }
        var modules: Node.Mapping?
        for (key, value) in top {
            guard let name = key.scalar?.string, name == "modules" else {
                throw Failure(description: "\(source): unknown key '\(label(key))' (only 'modules')")
            }
            modules = value.mapping
        }
        guard let modules, !modules.isEmpty else {
            throw Failure(description: "\(source): 'modules' must map module names to their settings")
        }
        var result: [String: [String]] = [:]
        for (key, body) in modules {
            guard let name = key.scalar?.string, name.range(of: #"^[A-Za-z0-9_-]{1,64}$"#, options: .regularExpression) != nil else {
                throw Failure(description: "\(source): module name '\(label(key))' must be letters, digits, '-' or '_'")
            }
            if body.null != nil { result[name] = []; continue }
            guard let settings = body.mapping else {
                throw Failure(description: "\(source): module '\(name)' must map keys to values")
            }
            result[name] = try words(settings, module: name, source: source)
        }
        return result
    }

    static func words(_ settings: Node.Mapping, module: String, source: String) throws(Failure) -> [String] {
        var byKey: [String: Node] = [:]
        for (key, value) in settings {
            guard let name = key.scalar?.string, keys[name] != nil else {
                throw Failure(description: "\(source): module '\(module)': unknown key '\(label(key))' (keys: \(keys.keys.sorted().joined(separator: ", ")))")
            }
            byKey[name] = value
        }
        var words: [String] = []
        for key in byKey.keys.sorted() {
            guard let (option, form) = keys[key], let value = byKey[key] else { continue }
            switch form {
            case .value:
                words += [option, try scalar(value, key: key, module: module, source: source)]
            case .list:
                let items = value.sequence.map(Array.init) ?? [value]
                for item in items { words += [option, try scalar(item, key: key, module: module, source: source)] }
            case .flagWhenTrue, .flagWhenFalse:
                guard let flag = value.bool else {
                    throw Failure(description: "\(source): module '\(module)': '\(key)' must be true or false")
                }
                if flag == (form == .flagWhenTrue) { words.append(option) }
            }
        }
        return words
    }

    /// A key as the message quotes it: its text, or what kind of node stands where a name should.
    private static func label(_ node: Node) -> String {
        if let text = node.scalar?.string { return String(text.prefix(64)) }
        return node.mapping != nil ? "(a mapping)" : node.sequence != nil ? "(a list)" : "(an alias)"
    }

    private static func scalar(_ value: Node, key: String, module: String, source: String) throws(Failure) -> String {
        guard let text = value.scalar?.string else {
            throw Failure(description: "\(source): module '\(module)': '\(key)' must be a single value")
        }
        return text
    }
}
