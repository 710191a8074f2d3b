/// Why a name typed by a user is not a usable domain name. Each case renders as one line.
public enum DNSNameError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case root
    case whitespace(String)
    case ipLiteral(String)
    case emptyLabel(String)
    case labelTooLong(String, octets: Int)
    case nameTooLong(String, octets: Int)
    case invalidCharacter(String, Character)
    case hyphenAtLabelEdge(String, label: String)
    case idna(String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            "empty domain name"
        case .root:
            "'.' (the DNS root) is not a mail domain"
        case .whitespace(let name):
            "invalid domain name \(Self.quoted(name)): contains spaces or control characters"
        case .ipLiteral(let name):
            "\(Self.quoted(name)) is an IP address literal, not a domain name"
        case .emptyLabel(let name):
            "invalid domain name \(Self.quoted(name)): empty label"
        case .labelTooLong(let name, let octets):
            "invalid domain name \(Self.quoted(name)): a label has \(octets) octets (at most 63)"
        case .nameTooLong(let name, let octets):
            "invalid domain name \(Self.quoted(name)): \(octets) octets long (at most 253)"
        case .invalidCharacter(let name, let character):
            "invalid domain name \(Self.quoted(name)): character \(Self.quoted(String(character))) is not a letter, digit or hyphen"
        case .hyphenAtLabelEdge(let name, let label):
            "invalid domain name \(Self.quoted(name)): label \(Self.quoted(label)) starts or ends with a hyphen"
        case .idna(let name, let reason):
            "cannot convert \(Self.quoted(name)) to an A-label (IDNA): \(reason)"
        }
    }

    /// Quotes a name for an error line: a short prefix, control characters escaped, so the line
    /// stays one short line whatever was typed.
    static func quoted(_ text: String) -> String { BoundedText.quoted(text) }
}
