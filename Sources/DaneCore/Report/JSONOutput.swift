import Foundation

/// Encodes report JSON the same way everywhere: pretty, keys sorted, slashes unescaped. JSON
/// escapes C0 controls itself; DEL, C1 controls and the bidirectional controls are written as
/// \uNNNN too (the same strings to a JSON reader), so that no remote text in a document can act
/// on the terminal it is printed to.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escaped(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// One line, for JSON Lines output.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escaped(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// C0 controls inside strings are JSONEncoder's to escape (outside them, the pretty form's
    /// line ends are JSON's own); the others cannot appear outside a string, so each found is
    /// inside one and is written as \uNNNN.
    static func escaped(_ json: String) -> String {
        func rawForTerminal(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 && TerminalText.needsEscape(scalar) }
        guard json.unicodeScalars.contains(where: rawForTerminal) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if rawForTerminal(scalar) {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
