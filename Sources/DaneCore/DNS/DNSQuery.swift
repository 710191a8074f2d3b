/// One question sent to a resolver: name, type and whether validation is switched off (CD=1).
public struct DNSQuery: Hashable, Sendable, CustomStringConvertible {
    public let name: DNSName
    public let type: RecordType
    /// CD=1 asks a validating resolver for the data even when validation fails (RFC 4035 §3.2.2).
    public let checkingDisabled: Bool

    public init(name: DNSName, type: RecordType, checkingDisabled: Bool = false) {
        self.name = name
        self.type = type
        self.checkingDisabled = checkingDisabled
    }

    public var description: String { "\(name.absolute) \(type)\(checkingDisabled ? " +cd" : "")" }
}
