/// Encodes `Encodable` values as JSON with the keys in the order the value encodes them (for
/// synthesized conformances, the order the properties are declared in), so that every document
/// and JSON Lines record starts with what a reader looks for first (the domain, the verdict).
/// Absent optionals are left out. Strings are escaped as JSON requires, and every character
/// that could act on a terminal (C0, DEL, C1, bidirectional controls) is written as \uNNNN.
public struct OrderedJSONEncoder {
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public func encode<T: Encodable>(_ value: T) throws -> String {
        let root = JSONNode.Box()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        var out = ""
        root.node.write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// `text` as a JSON string: control and bidi characters as \uNNNN (the escaping every JSON
    /// danecheck writes uses, log lines included).
    public static func quoted(_ text: String) -> String {
        var out = ""
        JSONNode.quote(text, into: &out)
        return out
    }
}

/// One JSON value being built.
enum JSONNode {
    case object([(String, Box)])
    case array([Box])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    final class Box {
        var node: JSONNode = .null
        init() {}
        init(_ node: JSONNode) { self.node = node }
    }

    func write(to out: inout String, pretty: Bool, indent: Int) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, (key, box)) in members.enumerated() {
                out += pad
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                box.node.write(to: &out, pretty: pretty, indent: indent + 1)
                out += index < members.count - 1 ? "," + newline : newline
            }
            out += close + "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, box) in items.enumerated() {
                out += pad
                box.node.write(to: &out, pretty: pretty, indent: indent + 1)
                out += index < items.count - 1 ? "," + newline : newline
            }
            out += close + "]"
        case .string(let text): Self.quote(text, into: &out)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// The `Encoder` behind `OrderedJSONEncoder`: writes into a tree of boxes.
private struct NodeEncoder: Encoder {
    let box: JSONNode.Box
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(box: box, codingPath: codingPath)
    }
}

private func scalar<T: Encodable>(_ value: T, into box: JSONNode.Box, path: [any CodingKey]) throws {
    switch value {
    case let text as String: box.node = .string(text)
    case let flag as Bool: box.node = .bool(flag)
    case let number as Double: box.node = .number(number.isFinite ? "\(number)" : "null")
    case let number as Float: box.node = .number(number.isFinite ? "\(number)" : "null")
    case let number as any BinaryInteger: box.node = .number("\(number)")
    default: try value.encode(to: NodeEncoder(box: box, codingPath: path))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.Box
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONNode.Box {
        let child = JSONNode.Box()
        if case .object(var members) = box.node {
            members.append((key.stringValue, child))
            box.node = .object(members)
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).node = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try scalar(value, into: child(key), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.node = .object([])
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.node = .array([])
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(box: child(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONNode.Box
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    private func next() -> JSONNode.Box {
        let child = JSONNode.Box()
        if case .array(var items) = box.node {
            items.append(child)
            box.node = .array(items)
        }
        return child
    }

    mutating func encodeNil() throws { next().node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try scalar(value, into: next(), path: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = next()
        nested.node = .object([])
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = next()
        nested.node = .array([])
        return UnkeyedNodeContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(box: next(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: JSONNode.Box
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try scalar(value, into: box, path: codingPath) }
}
