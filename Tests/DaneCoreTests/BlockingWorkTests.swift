import Foundation
import Testing
@testable import DaneCore

/// Blocking calls run on the pool's threads, never on the cooperative ones; queued work of a
/// cancelled task is skipped.
@Suite struct BlockingWorkTests {
    final class Flags: @unchecked Sendable {
        let lock = NSLock()
        var onWorker: [Bool] = []
        var ran = 0
        func add(_ value: Bool) { lock.withLock { onWorker.append(value); ran += 1 } }
    }

    @Test func theCABundleIsLoadedOnceOnABlockingThread() async {
        let flags = Flags()
        let lazy = LazyPKIXTrustCheck(caFile: nil) { _ in
            flags.add(BlockingWork.isWorkerThread)
            return nil
        }
        async let first = lazy.load()
        async let second = lazy.load()
        _ = await (first, second)
        #expect(flags.onWorker == [true], "loaded \(flags.ran) times; on a blocking thread: \(flags.onWorker)")
    }

    /// Work submitted one item after another to a pool of its own (the shared pool has threads
    /// of every test running beside this one) is run by a few threads. A thread that has just
    /// finished an item may not be idle yet when the next arrives, so another can start now and
    /// then on a loaded machine (a new one may not have reached its wait either); usually two
    /// run all 20. A thread per item would give 20.
    @Test func threadsAreReused() async {
        let pool = BlockingPool(maxThreads: 16)
        var names = Set<String>()
        for _ in 0..<20 {
            let name = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
                let item = BlockingPool.Item()
                item.body = { _ in continuation.resume(returning: "\(Unmanaged.passUnretained(Thread.current).toOpaque())") }
                pool.submit(item)
            }
            names.insert(name)
        }
        #expect(names.count <= 4, "threads for 20 items one after another: \(names.count)")
    }

    /// Items submitted back to back while one thread is idle: each gets a thread of its own
    /// (they all block until all have started). Counting the idle thread once for every item
    /// left items queued behind the first, which waited out its bound; whether it does depends
    /// on how fast the idle thread wakes, so the rule is also tested on its own below.
    @Test func itemsSubmittedTogetherDoNotQueueBehindOneIdleThread() {
        let pool = BlockingPool(maxThreads: 8)
        let warmed = DispatchSemaphore(value: 0)
        pool.submit(Self.item { warmed.signal() })
        warmed.wait()
        Thread.sleep(forTimeInterval: 0.05)  // the warm-up thread is idle again
        let barrier = Barrier(parties: 4)
        let done = DispatchGroup()
        let met = Flags()
        for _ in 0..<4 {
            done.enter()
            pool.submit(Self.item { met.add(barrier.arriveAndWait(seconds: 10)); done.leave() })
        }
        done.wait()
        #expect(met.onWorker == [true, true, true, true], "items that met the other three: \(met.onWorker)")
    }

    /// The rule itself, where the race above cannot hide it: two items waiting and one idle
    /// thread need a second thread.
    @Test func aThreadStartsWhenMoreItemsWaitThanThreadsAreIdle() {
        #expect(!BlockingPool.startsThread(waiting: 1, idle: 1, threads: 1, maxThreads: 8))
        #expect(BlockingPool.startsThread(waiting: 2, idle: 1, threads: 1, maxThreads: 8))
        #expect(BlockingPool.startsThread(waiting: 1, idle: 0, threads: 3, maxThreads: 8))
        #expect(!BlockingPool.startsThread(waiting: 5, idle: 1, threads: 8, maxThreads: 8))
    }

    static func item(_ body: @escaping () -> Void) -> BlockingPool.Item {
        let item = BlockingPool.Item()
        item.body = { _ in body() }
        return item
    }

    /// Blocks each caller until `parties` have arrived or `seconds` pass; true if all arrived.
    final class Barrier: @unchecked Sendable {
        private let condition = NSCondition()
        private var arrived = 0
        private let parties: Int
        init(parties: Int) { self.parties = parties }
        func arriveAndWait(seconds: Double) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            arrived += 1
            condition.broadcast()
            let deadline = Date(timeIntervalSinceNow: seconds)
            while arrived < parties, condition.wait(until: deadline) {}
            return arrived >= parties
        }
    }

    @Test func workQueuedForACancelledTaskIsNotRun() async {
        let flags = Flags()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await BlockingWork.run(cancelled: "skipped") { flags.add(true); return "ran" }
        }
        #expect(await task.value == "skipped")
        #expect(flags.ran == 0)
    }
}

/// Time is read from an injected clock, so tests can move it (as the validator's already is).
@Suite struct InjectedClockTests {
    static func certificate(notBefore: Date, notAfter: Date) -> PeerCertificate {
        PeerCertificate(depth: 0, subject: "CN = mx.example.test", issuer: "CN = CA", notBefore: notBefore, notAfter: notAfter,
                        names: ["mx.example.test"], certificateDER: [1], publicKeyDER: [2])
    }

    @Test func anExpiryIsExplainedAgainstTheProbesClock() {
        let expired = Date(timeIntervalSince1970: 1_900_000_000)  // 2030-03-17
        let tls = TLSSummary(version: "TLSv1.3", cipher: "X", chain: [Self.certificate(notBefore: .distantPast, notAfter: expired)],
                             verifyCode: DANEFailureExplainer.expired, verifyError: "certificate has expired", daneMatch: nil)
        let expectation = DANEExpectation(baseDomain: DNSName(dnsText: "mx.example.test"), records: [])
        let later = expired.addingTimeInterval(86_400 * 30)
        #expect(DANEFailureExplainer.explain(tls, expectation: expectation, now: later) == "certificate expired 2030-03-17 (DANE-TA checks dates)")
    }

    @Test func aProbeIsStampedWithTheInjectedClock() async throws {
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        let prober = SMTPProber(ehloName: "client.test", timeout: 1, now: { fixed })
        // Nothing listens on port 9 of this loopback address: the probe fails at once.
        let probe = await prober.probe(try #require(IPAddress("127.0.0.1")), port: 9, request: ProbeRequest(serverName: DNSName(dnsText: "x.test"), verification: .none))
        #expect(probe.failed)
        #expect(probe.finishedAt == fixed)
    }
}
