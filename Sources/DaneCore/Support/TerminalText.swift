/// Text on its way to a terminal, with every character that could act on the terminal written
/// as an escape instead: C0 controls (ESC, BEL, CR, LF, …) as \xNN (\t, \r, \n by name), DEL,
/// C1 controls (U+0080-U+009F, e.g. CSI) and the Unicode bidirectional overrides and isolates as
/// \u{NNNN}. What a TXT record, an SMTP reply, a certificate or an HTTP body says can then be
/// shown, but cannot move the cursor, change colours, retitle the window or hide text.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1f, 0x7f...0x9f: true
        case 0x202a...0x202e, 0x2066...0x2069, 0x200e, 0x200f, 0x061c: true  // bidi controls
        default: false
        }
    }
}
