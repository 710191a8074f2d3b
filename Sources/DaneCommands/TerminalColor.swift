import DaneCore

/// ANSI colours (SGR) for the styles of a `StyledLine`: green for mail that leaves
/// authenticated or verified, cyan and yellow for less, red for mail that stays or bounces,
/// magenta for what cannot be known; warnings yellow.
enum TerminalColor {
    static func code(_ style: StyledLine.Style) -> String {
        switch style {
        case .verdict(let verdict):
            switch verdict {
            case .authenticated, .verified: "1;32"
            case .trusted: "32"
            case .encrypted: "36"
            case .opportunistic: "33"
            case .defer: "1;31"
            case .undeliverable: "31"
            case .unknown: "35"
            }
        case .warning: "33"
        case .result(let passed): passed ? "1;32" : "1;31"
        }
    }

    /// The line with each span's text escaped (`TerminalText`), then coloured when asked.
    static func render(_ line: StyledLine, colour: Bool) -> String {
        line.spans.map { span in
            let text = TerminalText.escape(span.text)
            guard colour, let style = span.style else { return text }
            return "\u{1B}[\(code(style))m\(text)\u{1B}[0m"
        }.joined()
    }
}
