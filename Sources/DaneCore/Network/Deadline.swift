import Foundation

/// A point in time a network phase must finish by, and how poll(2) waits for it.
struct Deadline {
    let instant: ContinuousClock.Instant
    let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
        instant = .now + .milliseconds(Int64(seconds * 1000))
    }

    /// Milliseconds left for poll(2), at least 0.
    var remainingMilliseconds: Int32 {
        let left = instant - .now
        let ms = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, ms))
    }

    /// How often a wait on a thread of `BlockingWork` looks whether its work was cancelled.
    static let cancellationSliceMilliseconds: Int32 = 50

    /// Waits until `fd` is ready for `events`; false when the deadline passed first. On a thread
    /// of `BlockingWork`, a wait whose task was cancelled ends within 50 ms with `.cancelled`:
    /// a probe cut off by a scrape's deadline or Ctrl-C gives its socket back, not at its own
    /// deadline.
    func wait(_ fd: Int32, for events: Int16) throws(ProbeFailure) -> Bool {
        let work = BlockingPool.Item.current
        while true {
            if work?.cancelled == true { throw .cancelled }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let left = remainingMilliseconds
            let ready = poll(&entry, 1, work == nil ? left : min(left, Self.cancellationSliceMilliseconds))
            if ready > 0 { return true }
            if ready == 0 {
                if remainingMilliseconds == 0 { return false }
                continue
            }
            if errno != EINTR { throw .io(.last) }
        }
    }
}
