import Foundation

/// A clock that moves only when told to, for TTL tests.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = ContinuousClock.now

    var now: ContinuousClock.Instant { lock.withLock { current } }

    func advance(by duration: Duration) {
        lock.withLock { current = current + duration }
    }
}
