/// How rollover health is judged: the expiry horizon and the CA store that says which trust
/// anchors are public CAs.
public struct RolloverSettings: Sendable, Hashable {
    public static let defaultWarnDays = 21

    public let warnDays: Int
    /// CA file whose CAs count as public (nil: the system's store).
    public let caFile: String?

    /// Why a CA file cannot serve as the public CA store, nil when it can.
    public static func problem(withCAFile path: String) -> String? {
        do { _ = try PKIXTrustCheck(caFile: path) } catch { return "cannot load \(path) as a CA store: \(error)" }
        return nil
    }

    public init(warnDays: Int = defaultWarnDays, caFile: String? = nil) {
        self.warnDays = warnDays
        self.caFile = caFile
    }
}
