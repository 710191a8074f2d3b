/// How rollover health is judged: the expiry horizon and the CA store that says which trust
/// anchors are public CAs.
public struct RolloverSettings: Sendable {
    public static let defaultWarnDays = 21

    public let warnDays: Int
    /// The CAs that count as public, read from a file; nil: the system's store, loaded when needed.
    public let publicCAs: PublicCAStore?

    public init(warnDays: Int = defaultWarnDays, publicCAs: PublicCAStore? = nil) {
        self.warnDays = warnDays
        self.publicCAs = publicCAs
    }
}

/// A CA file read once into an OpenSSL store: the public CAs of the DANE-TA-only warning.
public final class PublicCAStore: Sendable {
    let check: PKIXTrustCheck
    public let path: String

    /// Fails with words when the file cannot serve as a CA store.
    public init(caFile path: String) throws(PublicCAStoreError) {
        do { check = try PKIXTrustCheck(caFile: path) } catch { throw PublicCAStoreError(message: "cannot load \(path) as a CA store: \(error)") }
        self.path = path
    }
}

public struct PublicCAStoreError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
