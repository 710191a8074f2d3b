/// One question sent to a resolver: name, type and whether validation is switched off (CD=1).
public struct DNSQuery: Hashable, Sendable, CustomStringConvertible {
    public let name: DNSName
    public let type: RecordType
    /// CD=1 asks a validating resolver for the data even when validation fails (RFC 4035 §3.2.2).
    public let checkingDisabled: Bool
    /// RD=0 asks an authoritative server for its own data only (`domain --authoritative`).
    public let recursionDesired: Bool

    public init(name: DNSName, type: RecordType, checkingDisabled: Bool = false, recursionDesired: Bool = true) {
        self.name = name
        self.type = type
        self.checkingDisabled = checkingDisabled
        self.recursionDesired = recursionDesired
    }

    public var description: String { "\(name.absolute) \(type)\(checkingDisabled ? " +cd" : "")\(recursionDesired ? "" : " norec")" }
}
