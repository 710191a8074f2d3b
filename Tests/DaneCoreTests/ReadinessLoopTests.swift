import Foundation
import Testing
@testable import DaneCore

/// The one poll(2) thread that lookups wait on: each wait ends once, on readiness, deadline or
/// cancellation, and many waits share the thread. The outcomes say what ended a wait (a wait
/// woken by its socket or its cancellation says so, not "timed out" at its 60 s deadline);
/// elapsed times are not bounded above, since a test run that keeps Swift's two cooperative
/// threads busy delays every resumption.
struct ReadinessLoopTests {
    /// A pipe, both ends non-blocking; closed at the end of `body`.
    static func withPipe<T>(_ body: (Int32, Int32) async throws -> T) async throws -> T {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        defer { fds.forEach { close($0) } }
        return try await body(fds[0], fds[1])
    }

    static func write(_ fd: Int32) {
        var byte: UInt8 = 7
        _ = Glibc.write(fd, &byte, 1)
    }

    @Test func aWaitEndsWhenTheSocketBecomesReadable() async throws {
        try await Self.withPipe { read, write in
            async let wake = ReadinessLoop.shared.wait(read, for: Int16(POLLIN), until: Deadline(seconds: 60))
            try? await Task.sleep(for: .milliseconds(50))
            Self.write(write)
            #expect(await wake == .ready)
        }
    }

    @Test func aWaitEndsAtItsDeadline() async throws {
        try await Self.withPipe { read, _ in
            let start = ContinuousClock.now
            #expect(await ReadinessLoop.shared.wait(read, for: Int16(POLLIN), until: Deadline(seconds: 0.2)) == .timedOut)
            let waited = ContinuousClock.now - start
            #expect(waited >= .milliseconds(190), "waited \(waited)")
        }
    }

    @Test func aCancelledWaitEndsAtOnce() async throws {
        try await Self.withPipe { read, _ in
            let task = Task { await ReadinessLoop.shared.wait(read, for: Int16(POLLIN), until: Deadline(seconds: 60)) }
            try? await Task.sleep(for: .milliseconds(50))
            task.cancel()
            #expect(await task.value == .cancelled)
            // Cancelled before it began: never registered, still resumed.
            let early = Task { () -> ReadinessLoop.Wake in
                withUnsafeCurrentTask { $0?.cancel() }
                return await ReadinessLoop.shared.wait(read, for: Int16(POLLIN), until: Deadline(seconds: 60))
            }
            #expect(await early.value == .cancelled)
        }
    }

    /// 200 waits at once, each woken by its own pipe, in reverse order of registration; one
    /// with a short deadline among them times out without disturbing the others.
    @Test func manyWaitsShareTheThread() async throws {
        var pipes: [(Int32, Int32)] = []
        defer { pipes.forEach { close($0.0); close($0.1) } }
        for _ in 0..<200 {
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            pipes.append((fds[0], fds[1]))
        }
        let ends = pipes
        let wakes = await withTaskGroup(of: (Int, ReadinessLoop.Wake).self) { group in
            for (index, (read, _)) in ends.enumerated() {
                group.addTask {
                    (index, await ReadinessLoop.shared.wait(read, for: Int16(POLLIN), until: Deadline(seconds: index == 100 ? 0.1 : 60)))
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(300))
                for (index, (_, write)) in ends.enumerated().reversed() where index != 100 { Self.write(write) }
                return (-1, .ready)
            }
            var wakes: [Int: ReadinessLoop.Wake] = [:]
            for await (index, wake) in group where index >= 0 { wakes[index] = wake }
            return wakes
        }
        #expect(wakes.count == 200)
        #expect(wakes[100] == .timedOut)
        #expect(wakes.filter { $0.key != 100 }.allSatisfy { $0.value == .ready })
    }

    @Test func theTimeoutIsRoundedUpToWholeMilliseconds() {
        let now = ContinuousClock.now
        #expect(ReadinessLoop.milliseconds(from: now, to: now + .microseconds(300)) == 1)
        #expect(ReadinessLoop.milliseconds(from: now, to: now + .milliseconds(250)) == 250)
        #expect(ReadinessLoop.milliseconds(from: now, to: now - .seconds(1)) == 0)
    }
}
