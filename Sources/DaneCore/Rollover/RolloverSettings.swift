/// How rollover health is judged: the expiry horizon and the CA store that says which trust
/// anchors are public CAs.
public struct RolloverSettings: Sendable, Hashable {
    public static let defaultWarnDays = 21

    public let warnDays: Int
    /// CA file whose CAs count as public (nil: the system's store).
    public let caFile: String?

    public init(warnDays: Int = defaultWarnDays, caFile: String? = nil) {
        self.warnDays = warnDays
        self.caFile = caFile
    }
}
