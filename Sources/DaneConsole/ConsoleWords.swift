/// Splits a console line into words: spaces separate, single or double quotes group
/// ("--tlsa '3 1 1 8a1f…'"), a backslash escapes the next character.
enum ConsoleWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        var inWord = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "'" where quote == nil, "\"" where quote == nil:
                quote = character
                inWord = true
            case let c where c == quote:
                quote = nil
            case " " where quote == nil, "\t" where quote == nil:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
