import Foundation

/// A `PKIXTrustCheck` loaded on first use: reading the system's CA bundle costs tens of
/// milliseconds, and only hosts whose every record is DANE-TA need it. The loading is blocking
/// file and OpenSSL work, so it runs on a `BlockingWork` thread, once, however many ask.
final class LazyPKIXTrustCheck: Sendable {
    private let memo = TaskMemo<String, LoadedStore>("pkix-store")
    private let caFile: String?
    private let make: @Sendable (String?) -> PKIXTrustCheck?

    init(caFile: String?, make: @escaping @Sendable (String?) -> PKIXTrustCheck? = { try? PKIXTrustCheck(caFile: $0) }) {
        self.caFile = caFile
        self.make = make
    }

    /// A store loaded already (a CA file read while the options were checked).
    convenience init(loaded store: PublicCAStore?) {
        self.init(caFile: store?.path) { _ in store?.check }
    }

    /// The store, or nil when it cannot be loaded.
    func load() async -> PKIXTrustCheck? {
        let (caFile, make) = (caFile, make)
        return await memo.value(for: caFile ?? "", onLoop: LoadedStore(check: nil)) {
            await BlockingWork.run(cancelled: LoadedStore(check: nil)) { LoadedStore(check: make(caFile)) }
        }.check
    }

    struct LoadedStore: Sendable {
        let check: PKIXTrustCheck?
    }
}
