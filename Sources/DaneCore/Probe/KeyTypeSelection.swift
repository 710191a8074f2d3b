/// Which certificates of a server are looked at (`--key-types`): the one the default handshake
/// gets, or every key type it holds (one more handshake per other type).
public enum KeyTypeSelection: String, Sendable, Hashable, CaseIterable {
    case `default`
    case all
}
