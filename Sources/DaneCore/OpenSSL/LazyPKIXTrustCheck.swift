import Foundation

/// A `PKIXTrustCheck` loaded on first use: reading the system's CA bundle costs tens of
/// milliseconds, and only hosts whose every record is DANE-TA need it.
final class LazyPKIXTrustCheck: @unchecked Sendable {
    private let caFile: String?
    private let lock = NSLock()
    private var loaded: PKIXTrustCheck??

    init(caFile: String?) {
        self.caFile = caFile
    }

    /// The store, or nil when it cannot be loaded.
    var check: PKIXTrustCheck? {
        lock.withLock {
            if let loaded { return loaded }
            let made = try? PKIXTrustCheck(caFile: caFile)
            loaded = .some(made)
            return made
        }
    }
}
