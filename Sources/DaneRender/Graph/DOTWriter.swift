/// Builds Graphviz DOT text: quoted IDs and attribute values, nothing else, so that a name or
/// reason from the network can only ever be a label.
struct DOTWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// A DOT quoted string: backslash and double quote escaped, line ends as DOT's `\n`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                // Other control characters are no label's business.
                if scalar.value < 0x20 || scalar.value == 0x7f { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        "[" + pairs.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", ") + "]"
    }

    mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    mutating func open(_ text: String) {
        line(text + " {")
        depth += 1
    }

    mutating func close() {
        depth -= 1
        line("}")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// A long reason broken into lines of about `width` characters (at spaces).
    static func wrapped(_ text: String, width: Int = 48) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return (lines + [line]).joined(separator: "\n")
    }
}
