/// The registrable domain of a host name, by a simple rule: its last two labels
/// (`mx1.mail.example.com` → `example.com`; a name of one or two labels is its own). No public
/// suffix list is consulted, so hosts under `example.co.uk` and `other.co.uk` count as related
/// (`co.uk`): the rule errs towards "related", which only ever withholds the claim that this
/// network blocks port 25 (`OutboundPortTally`), never makes it.
public struct RegistrableDomain: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ host: DNSName) {
        let labels = host.text.lowercased().split(separator: ".", omittingEmptySubsequences: true)
        text = labels.suffix(2).joined(separator: ".")
    }

    /// A host known only by its address (probed as `[IP]`): the address stands for itself.
    public init(address: String) { text = address }

    public var description: String { text }
}
