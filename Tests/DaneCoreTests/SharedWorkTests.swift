@testable import DaneCore
import Synchronization
import Testing

/// Shared work runs in its first asker's task: shared by everyone who asks while it runs,
/// never waited on by a cancelled asker, and never left running once nobody waits for it.
@Suite(.timeLimit(.minutes(1))) struct SharedWorkTests {
    /// Work that blocks until `open` (or until its task is cancelled), counting its runs.
    final class Work: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        private let counts = Mutex((started: 0, cancelled: 0))
        private let startedSignal: AsyncStream<Void>.Continuation
        let started: AsyncStream<Void>

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .unbounded)
            (started, startedSignal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .unbounded)
        }

        func open() { continuation.finish() }

        /// "value", or "cancelled" when its task was cancelled before `open`.
        @Sendable func run() async -> String {
            counts.withLock { $0.started += 1 }
            startedSignal.yield()
            for await _ in stream {}
            if Task.isCancelled {
                counts.withLock { $0.cancelled += 1 }
                return "cancelled"
            }
            return "value"
        }

        var runs: (started: Int, cancelled: Int) { counts.withLock { $0 } }

        func waitUntilStarted(_ count: Int) async {
            var seen = 0
            for await _ in started {
                seen += 1
                if seen == count { return }
            }
        }
    }

    /// Waits until `shared` has `count` waiters on `key` besides its leader.
    static func waiters<V>(_ shared: SharedWork<Int, V>, _ count: Int) async {
        while shared.waiting(on: 1) < count { await Task.yield() }
    }

    @Test func askersWhileItRunsShareOneRun() async {
        let shared = SharedWork<Int, String>()
        let work = Work()
        let leader = Task { await shared.run(1, work.run) }
        await work.waitUntilStarted(1)
        let others = (0..<3).map { _ in Task { await shared.run(1, work.run) } }
        await Self.waiters(shared, 3)
        work.open()
        let led = await leader.value
        #expect(led.value == "value" && led.computed)
        for other in others {
            let result = await other.value
            #expect(result.value == "value" && !result.computed)
        }
        #expect(work.runs.started == 1)
        #expect(shared.inFlight == 0)
    }

    /// A cancelled waiter returns while the work still runs (it is not open yet); the work
    /// goes on for the leader.
    @Test func aCancelledWaiterStopsWaitingAndTheWorkGoesOn() async {
        let shared = SharedWork<Int, String>()
        let work = Work()
        let leader = Task { await shared.run(1, work.run) }
        await work.waitUntilStarted(1)
        let waiter = Task { await shared.run(1, work.run) }
        await Self.waiters(shared, 1)
        waiter.cancel()
        #expect(await waiter.value.value == "cancelled", "it ran the work itself, under cancellation")
        #expect(shared.waiting(on: 1) == 0)
        work.open()
        #expect(await leader.value.value == "value")
    }

    /// The leader is cancelled while another waits: its cancelled value is not shared; the
    /// waiter runs the work again and gets a real value.
    @Test func aCancelledLeadersWaiterRunsTheWorkAgain() async {
        let shared = SharedWork<Int, String>()
        let work = Work()
        let leader = Task { await shared.run(1, work.run) }
        await work.waitUntilStarted(1)
        let waiter = Task { await shared.run(1, work.run) }
        await Self.waiters(shared, 1)
        leader.cancel()
        #expect(await leader.value.value == "cancelled")
        await work.waitUntilStarted(1)  // the second run
        work.open()
        let result = await waiter.value
        #expect(result.value == "value" && result.computed)
        #expect(work.runs == (started: 2, cancelled: 1))
    }

    /// The last asker gone, the work is cancelled and nothing of it is left; a later asker
    /// runs it anew, and a Memo keeps no cancelled value.
    @Test func workWithoutAskersIsCancelledAndNotKept() async {
        let memo = Memo<Int, String>()
        let work = Work()
        let only = Task { await memo.value(for: 1, work.run) }
        await work.waitUntilStarted(1)
        only.cancel()
        #expect(await only.value == "cancelled")
        #expect(memo.inFlight == 0)
        work.open()
        #expect(await memo.value(for: 1, work.run) == "value")
        #expect(work.runs == (started: 2, cancelled: 1))
        #expect(await memo.value(for: 1, work.run) == "value", "kept")
        #expect(work.runs.started == 2)
    }

    /// An asker that finds no value and then no flight (its leader published and left in
    /// between) must not compute the value again: many keys each asked by four tasks at once (on
    /// the cooperative pool's threads, two here) are each computed once (seen in a load run: a
    /// zone's DNSKEY fetched twice).
    @Test func aValueIsComputedOnceWhenItsLeaderFinishesBetweenTheLookAndTheJoin() async {
        let memo = Memo<Int, Int>()
        final class Runs: Sendable { let counts = Mutex([Int: Int]()) }
        let runs = Runs()
        let keys = 30_000
        // Without the fix, 30,000 keys showed the race in 3 runs of 6 (in 0.5 to 4.5 s).
        await withTaskGroup(of: Void.self) { group in
            for key in 0..<keys {
                for _ in 0..<4 {
                    group.addTask {
                        _ = await memo.value(for: key) {
                            runs.counts.withLock { $0[key, default: 0] += 1 }
                            return key
                        }
                    }
                }
            }
        }
        let twice = runs.counts.withLock { $0.filter { $0.value > 1 }.count }
        #expect(twice == 0, "\(twice) of \(keys) keys computed more than once")
        #expect(runs.counts.withLock { $0.count } == keys)
    }

    /// A semaphore's waiter that is cancelled leaves the line without a slot.
    @Test func aCancelledSemaphoreWaiterLeavesTheLine() async {
        let semaphore = AsyncSemaphore(1)
        #expect(await semaphore.acquire())
        let waiter = Task { await semaphore.acquire() }
        while semaphore.load.waiting < 1 { await Task.yield() }
        waiter.cancel()
        #expect(await waiter.value == false)
        #expect(semaphore.load.waiting == 0 && semaphore.load.taken == 1)
        semaphore.release()
        #expect(semaphore.load.taken == 0)
    }
}
