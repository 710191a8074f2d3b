import Foundation

/// Runs blocking C calls (ldns sends, socket and TLS I/O) on their own threads, so that many can
/// wait at once without starving Swift's cooperative thread pool (two threads on two cores).
/// At most `slots` such threads exist at once; further calls wait, suspended, for a slot.
enum BlockingWork {
    static let slots = AsyncSemaphore(128)

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await slots.acquire()
        let value = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
        await slots.release()
        return value
    }
}
