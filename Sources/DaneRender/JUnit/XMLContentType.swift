import Mustache

/// Text in XML 1.0 (JUnit reports): the five markup characters escaped, and the characters XML
/// cannot carry at all (C0 controls other than tab and line ends, U+FFFE, U+FFFF) replaced by
/// U+FFFD, so a remote string can neither end an element nor make the file unreadable.
struct XMLContentType: MustacheContentType {
    static let name = "XML"

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
