import Foundation
import Yams

/// A YAML configuration file read as nodes, so every error can name its line and key. The keys
/// of a mapping are checked against a known list (an unknown key is an error, as in Prometheus's
/// own files).
struct YAMLDocument {
    let file: String

    /// The top node of `text`; an empty document is an empty mapping.
    func root(_ text: String) throws(ConfigFailure) -> Node {
        do {
            return try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            throw ConfigFailure(file: file, line: Self.line(of: error), "not YAML: \(Self.problem(error))")
        } catch {
            throw ConfigFailure(file: file, "not YAML: \(String(describing: error).prefix(200))")
        }
    }

    /// The pairs of a mapping node, each key a string from `known` (nil: any key).
    func pairs(_ node: Node, key: String?, known: [String]?) throws(ConfigFailure) -> [(key: String, value: Node, line: Int?)] {
        if node.null != nil, case .scalar = node { return [] }
        guard let mapping = node.mapping else { throw failure(node, key, "must map keys to values") }
        var result: [(key: String, value: Node, line: Int?)] = []
        for (name, value) in mapping {
            guard let word = name.string else { throw failure(name, key, "a key must be a string") }
            let path = key.map { "\($0).\(word)" } ?? word
            if let known, !known.contains(word) {
                throw failure(name, path, "unknown key (keys here: \(known.sorted().joined(separator: ", ")))")
            }
            result.append((word, value, name.mark?.line))
        }
        return result
    }

    /// A scalar as text (a number or a word), never a list or mapping.
    func scalar(_ node: Node, key: String) throws(ConfigFailure) -> String {
        guard case .scalar(let scalar) = node else { throw failure(node, key, "must be a single value") }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws(ConfigFailure) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw failure(node, key, "must be true or false") }
        return value
    }

    /// A list of scalars; a single scalar is a list of one.
    func list(_ node: Node, key: String) throws(ConfigFailure) -> [String] {
        switch node {
        case .sequence(let items): return try items.map { item throws(ConfigFailure) in try scalar(item, key: key) }
        default: return [try scalar(node, key: key)]
        }
    }

    func failure(_ node: Node, _ key: String?, _ message: String) -> ConfigFailure {
        ConfigFailure(file: file, line: node.mark?.line, key: key, message)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: String(describing: error).prefix(200).description
        }
    }
}
