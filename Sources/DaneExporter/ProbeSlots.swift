import DaneCore
import Synchronization

/// At most `limit` checks at once; the others wait their turn in order (a scrape of 500 domains
/// every minute must not open 500 × addresses connections at once), at most `queue` of them:
/// one more is refused (the endpoint answers 503). A scrape that ends while it waits leaves
/// the line (the slots are an `AsyncSemaphore`, which notices cancellation).
final class ProbeSlots: Sendable {
    /// What an asker got.
    enum Turn: Sendable { case slot, queueFull, cancelled }

    private let semaphore: AsyncSemaphore
    /// Running plus waiting: never more than `limit + queue`.
    private let inside = Mutex(0)
    private let bound: Int

    init(limit: Int, queue: Int = .max) {
        semaphore = AsyncSemaphore(limit)
        let (sum, overflow) = limit.addingReportingOverflow(queue)
        bound = overflow ? .max : sum
    }

    /// `.slot` with a slot taken (give it back with `release`); `.queueFull` when `queue` wait
    /// already; `.cancelled` when the asker's task was cancelled while it waited.
    func acquire() async -> Turn {
        let admitted = inside.withLock { count -> Bool in
            guard count < bound else { return false }
            count += 1
            return true
        }
        guard admitted else { return .queueFull }
        guard await semaphore.acquire() else {
            inside.withLock { $0 -= 1 }
            return .cancelled
        }
        return .slot
    }

    func release() {
        semaphore.release()
        inside.withLock { $0 -= 1 }
    }

    /// Checks running and checks waiting.
    var load: (running: Int, waiting: Int) {
        let load = semaphore.load
        return (load.taken, load.waiting)
    }
}
