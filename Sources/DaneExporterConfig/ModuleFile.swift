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
    /// through the command line's parser).
    static func words(_ text: String, source: String) throws(Failure) -> [String: [String]] {
        let document: Any?
        do { document = try Yams.load(yaml: text) } catch { throw Failure(description: "\(source): not YAML: \(String(describing: error).prefix(200))") }
        guard let top = document as? [String: Any] else { throw Failure(description: "\(source): expected a mapping with 'modules'") }
        if let extra = top.keys.first(where: { $0 != "modules" }) { throw Failure(description: "\(source): unknown key '\(extra)' (only 'modules')") }
        guard let modules = top["modules"] as? [String: Any], !modules.isEmpty else {
            throw Failure(description: "\(source): 'modules' must map module names to their settings")
        }
        var result: [String: [String]] = [:]
        for (name, body) in modules {
            guard name.range(of: #"^[A-Za-z0-9_-]{1,64}$"#, options: .regularExpression) != nil else {
                throw Failure(description: "\(source): module name '\(name.prefix(64))' must be letters, digits, '-' or '_'")
            }
            let settings = body as? [String: Any] ?? [:]
            if body != nil && !(body is [String: Any]) && !(body is NSNull) {
                throw Failure(description: "\(source): module '\(name)' must map keys to values")
            }
            result[name] = try words(settings, module: name, source: source)
        }
        return result
    }

    static func words(_ settings: [String: Any], module: String, source: String) throws(Failure) -> [String] {
        var words: [String] = []
        for key in settings.keys.sorted() {
            guard let (option, form) = keys[key] else {
                throw Failure(description: "\(source): module '\(module)': unknown key '\(key)' (keys: \(keys.keys.sorted().joined(separator: ", ")))")
            }
            let value = settings[key]!
            switch form {
            case .value:
                words += [option, scalar(value)]
            case .list:
                let items = (value as? [Any]) ?? [value]
                for item in items { words += [option, scalar(item)] }
            case .flagWhenTrue, .flagWhenFalse:
                guard let flag = value as? Bool else {
                    throw Failure(description: "\(source): module '\(module)': '\(key)' must be true or false")
                }
                if flag == (form == .flagWhenTrue) { words.append(option) }
            }
        }
        return words
    }

    private static func scalar(_ value: Any) -> String {
        if let number = value as? Double, number == number.rounded() { return String(Int(number)) }
        return String(describing: value)
    }
}
