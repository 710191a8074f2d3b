/// A Content-Type field (RFC 2045 §5.1): `type/subtype` in lower case and its parameters
/// (names in lower case, quoted values unquoted).
public struct MIMEContentType: Sendable, Hashable, CustomStringConvertible {
    public let type: String
    public let parameters: [String: String]

    public static let plain = MIMEContentType(type: "text/plain", parameters: [:])

    init(type: String, parameters: [String: String]) {
        self.type = type
        self.parameters = parameters
    }

    /// The field's value; nil when it has no `type/subtype`.
    init?(field: String) {
        let (head, parameters) = MIMEContentType.split(field)
        let type = head.trimmingCharacters(in: .whitespaces).lowercased()
        guard type.split(separator: "/").count == 2 else { return nil }
        self.init(type: type, parameters: parameters)
    }

    public var isMultipart: Bool { type.hasPrefix("multipart/") }
    public var description: String { type }

    /// "value; name=x; name2=\"y; z\"" → ("value", [name: x, name2: "y; z"]): semicolons inside
    /// quotes do not split; RFC 2231 continuations are not joined (boundaries and file names of
    /// reports do not use them).
    static func split(_ field: String) -> (String, [String: String]) {
        var pieces: [String] = [], current = "", quoted = false, escaped = false
        for character in field {
            if escaped { current.append(character); escaped = false; continue }
            if quoted && character == "\\" { escaped = true; continue }
            if character == "\"" { quoted.toggle(); continue }
            if character == ";" && !quoted { pieces.append(current); current = ""; continue }
            current.append(character)
        }
        pieces.append(current)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
        }
        return (pieces[0], parameters)
    }
}
