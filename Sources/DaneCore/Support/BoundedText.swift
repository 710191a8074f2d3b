/// Text echoed back in messages, cut to a short prefix: an input line of 10 MB or a remote field
/// of 59 KB must not become a message of that size.
public enum BoundedText {
    /// Characters of echoed text kept before the cut.
    public static let defaultLimit = 80

    /// `text` itself when short, else its first `limit` characters, "…" and how long it was.
    public static func prefix(_ text: String, limit: Int = defaultLimit) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.utf8.count) octets)"
    }

    /// `prefix` in single quotes, control characters escaped, so the message stays one line.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) : text
        let more = text.count > limit ? "…' (\(text.utf8.count) octets)" : "'"
        return "'" + TerminalText.escape(cut) + more
    }
}
