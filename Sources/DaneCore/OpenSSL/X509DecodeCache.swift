import Foundation

/// d2i_X509 once per certificate, not once per judgement: every domain of a shared host is
/// judged against the same chain, and OpenSSL 3's decoding (its provider decoder lookups) was
/// over a third of a survey batch's CPU when each judgement decoded the chain again. A decoded
/// X509 is only read by verification (OpenSSL locks the extension cache it fills), so concurrent
/// judgements share it. Bounded: when `limit` certificates are held it starts over.
final class X509DecodeCache: @unchecked Sendable {
    static let shared = X509DecodeCache(limit: 512)

    private let lock = NSLock()
    private var handles: [[UInt8]: X509Handle] = [:]
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    var count: Int { lock.withLock { handles.count } }

    /// The certificate decoded from `der`, or nil when it is not a certificate (not kept).
    func handle(der: [UInt8]) -> X509Handle? {
        if let handle = lock.withLock({ handles[der] }) { return handle }
        guard let handle = X509Handle(der: der) else { return nil }
        return lock.withLock {
            if let existing = handles[der] { return existing }
            if handles.count >= limit { handles.removeAll(keepingCapacity: true) }
            handles[der] = handle
            return handle
        }
    }
}
