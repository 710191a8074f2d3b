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

    /// Waits until `fd` is ready for `events`; false when the deadline passed first.
    func wait(_ fd: Int32, for events: Int16) throws(ProbeFailure) -> Bool {
        while true {
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, remainingMilliseconds)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { throw .io(String(cString: strerror(errno))) }
        }
    }
}
