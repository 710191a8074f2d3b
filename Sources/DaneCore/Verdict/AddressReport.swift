/// One probed address with its verdict, the reason, and how each TLSA record fared.
public struct AddressReport: Sendable, Hashable {
    public let probe: AddressProbe
    public let verdict: Verdict
    public let cause: AddressCause
    /// The cause in one line.
    public var reason: String { cause.description }
    /// One mark per record of `HostProbeReport.records`, same order.
    public let marks: [RecordMark]
    /// The server's certificates of the other key types (`--key-types all`), each judged.
    public let keyTypes: [KeyTypeReport]

    public init(probe: AddressProbe, verdict: Verdict, cause: AddressCause, marks: [RecordMark], keyTypes: [KeyTypeReport] = []) {
        self.probe = probe
        self.verdict = verdict
        self.cause = cause
        self.marks = marks
        self.keyTypes = keyTypes
    }
}
