import Foundation

/// Runs blocking C calls (ldns sends, later socket I/O) on their own threads, so that many can
/// wait at once without starving Swift's cooperative thread pool (two threads on two cores).
public enum BlockingWork {
    /// At most this many blocking calls run at once; the rest wait for a slot on their thread.
    static let slots = DispatchSemaphore(value: 128)

    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                slots.wait()
                let value = body()
                slots.signal()
                continuation.resume(returning: value)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
