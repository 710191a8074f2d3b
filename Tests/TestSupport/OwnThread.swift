import Foundation

/// A test's blocking work (waiting for a child process, reading its pipes until they close) on a
/// thread of its own. Swift's cooperative pool has two threads here: a test that blocks one of
/// them for the length of a child's run (a console script of 25 s, the exporter suite of a
/// minute) stretches the timings of every async test beside it — a 2 s probe timeout then ends
/// after 4 s, and a test holding that bound fails for a reason that is not in the code.
public enum OwnThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
