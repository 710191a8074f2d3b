import Foundation

/// Waits for many non-blocking sockets at once, on one thread for the whole process (poll(2)),
/// so that a lookup in flight holds a socket and a continuation, not a thread of `BlockingWork`
/// (a thread per lookup was ~100 threads and ~150 KB of touched stack each in a survey batch).
/// Each wait ends when the socket is ready, when its deadline passes or when its task is
/// cancelled, whichever comes first; it is resumed exactly once.
final class ReadinessLoop: @unchecked Sendable {
    enum Wake: Sendable, Equatable {
        case ready
        case timedOut
        case cancelled
        /// poll(2) itself failed.
        case failed(NetworkFailure)
    }

    static let shared = ReadinessLoop()

    private struct Waiter {
        let fd: Int32
        let events: Int16
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Wake, Never>
    }

    /// One wait, alive while `wait` runs: `id` keys `waiters`, and `cancelled` (under `lock`)
    /// stops a wait cancelled before it was registered from being registered. The id is never
    /// used again: the loop wakes by the ids it polled, after poll(2) returns, and a wait that
    /// ended meanwhile must not be mistaken for a new one (an object's address can be; it was,
    /// on CI: a new wait woken "ready" by the socket of the one before it at the same address).
    private final class Registration: @unchecked Sendable {
        let id: UInt64
        var cancelled = false

        init(id: UInt64) { self.id = id }
    }

    private let lock = NSLock()
    private var waiters: [UInt64: Waiter] = [:]
    private var lastID: UInt64 = 0
    private var running = false
    /// A pipe: a byte written to the second makes the loop's poll(2) return when a wait is added.
    private let wakePipe: (read: Int32, write: Int32) = {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { fatalError("danecheck: pipe(2) failed: \(String(cString: strerror(errno)))") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }()

    /// Waits until `fd` is ready for `events` (POLLIN, POLLOUT); an error or hang-up on the
    /// socket counts as ready, for the caller's next read to report it.
    func wait(_ fd: Int32, for events: Int16, until deadline: Deadline) async -> Wake {
        let registration = lock.withLock { () -> Registration in
            lastID += 1
            return Registration(id: lastID)
        }
        let id = registration.id
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let start = lock.withLock { () -> Bool? in
                    if registration.cancelled { return nil }
                    waiters[id] = Waiter(fd: fd, events: events, deadline: deadline.instant, continuation: continuation)
                    defer { running = true }
                    return !running
                }
                guard let start else { return continuation.resume(returning: .cancelled) }
                if start {
                    let thread = Thread { [self] in
                        Thread.current.name = "danecheck-poll"
                        loop()
                    }
                    thread.stackSize = 1 << 18
                    thread.start()
                } else {
                    wakeLoop()
                }
            }
        } onCancel: {
            let waiter = lock.withLock { () -> Waiter? in
                registration.cancelled = true
                return waiters.removeValue(forKey: id)
            }
            waiter?.continuation.resume(returning: .cancelled)
        }
    }

    private func wakeLoop() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakePipe.write, &byte, 1)  // a full pipe already wakes the loop
    }

    private func loop() {
        while true {
            let (polled, timeout) = lock.withLock { () -> ([(id: UInt64, entry: pollfd)], Int32) in
                let soonest = waiters.values.map(\.deadline).min()
                return (waiters.map { ($0.key, pollfd(fd: $0.value.fd, events: $0.value.events, revents: 0)) },
                        soonest.map { Self.milliseconds(from: .now, to: $0) } ?? -1)
            }
            var entries = [pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)] + polled.map(\.entry)
            let result = poll(&entries, nfds_t(entries.count), timeout)
            let failure = result < 0 && errno != EINTR ? NetworkFailure.last : nil
            if entries[0].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 512)
                while Glibc.read(wakePipe.read, &drain, drain.count) > 0 {}
            }
            let now = ContinuousClock.now
            let woken = lock.withLock { () -> [(Waiter, Wake)] in
                var woken: [(Waiter, Wake)] = []
                for (index, (id, _)) in polled.enumerated() where entries[index + 1].revents != 0 || failure != nil {
                    if let waiter = waiters.removeValue(forKey: id) { woken.append((waiter, failure.map(Wake.failed) ?? .ready)) }
                }
                for (id, waiter) in waiters where waiter.deadline <= now {
                    waiters.removeValue(forKey: id)
                    woken.append((waiter, .timedOut))
                }
                return woken
            }
            for (waiter, wake) in woken { waiter.continuation.resume(returning: wake) }
        }
    }

    /// poll(2)'s timeout until `deadline`, rounded up so that the loop does not spin on a
    /// deadline a fraction of a millisecond away.
    static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int32 {
        let left = deadline - now
        guard left > .zero else { return 0 }
        let ms = left.components.seconds * 1000 + (left.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: ms)
    }
}
