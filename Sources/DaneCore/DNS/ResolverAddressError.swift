/// Why a `--resolver` value is not usable.
public enum ResolverAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnAddress(String)
    case badPort(String)

    public var description: String {
        switch self {
        case .notAnAddress(let text):
            "resolver \(BoundedText.quoted(text)) is not an IP address (give ADDR or ADDR@PORT; names are not resolved)"
        case .badPort(let text):
            "resolver \(BoundedText.quoted(text)) has an invalid port (1-65535)"
        }
    }
}
