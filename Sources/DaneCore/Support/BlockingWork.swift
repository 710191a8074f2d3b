import Foundation

/// Runs blocking C calls (socket and TLS I/O, CA bundle loading) on threads of their own, so
/// that many can wait at once without starving Swift's cooperative thread pool (two threads on
/// two cores). The threads are reused: up to `maxThreads` are started as work arrives and then
/// wait for more (the shape of NIOThreadPool, grown on demand). Work queued for a task that was
/// cancelled before a thread took it is not run: its `cancelled` value is returned instead.
public enum BlockingWork {
    static let maxThreads = 128
    static let pool = BlockingPool(maxThreads: maxThreads)

    static func run<T: Sendable>(cancelled: @autoclosure @escaping @Sendable () -> T,
                                 _ body: @escaping @Sendable () -> T) async -> T {
        let item = BlockingPool.Item()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                item.body = { skipped in continuation.resume(returning: skipped ? cancelled() : body()) }
                if Task.isCancelled { item.cancel() }
                pool.submit(item)
            }
        } onCancel: {
            item.cancel()
        }
    }

    /// True on one of the pool's threads (for tests: blocking work must run there).
    public static var isWorkerThread: Bool { Thread.current.threadDictionary[BlockingPool.threadName] as? Bool == true }
}

/// The threads behind `BlockingWork`: a FIFO of items, taken by idle threads; a new thread is
/// started when more items wait than threads are idle and fewer than `maxThreads` exist.
final class BlockingPool: @unchecked Sendable {
    /// Shown by `ps -L` and debuggers (Linux keeps 15 characters of a thread's name).
    static let threadName = "danecheck-io"
    static let itemKey = "danecheck-io-item"

    final class Item: @unchecked Sendable {
        private let lock = NSLock()
        private var isCancelled = false
        /// Called once, with true when the item was cancelled before it ran.
        var body: ((Bool) -> Void)?

        func cancel() { lock.withLock { isCancelled = true } }
        var cancelled: Bool { lock.withLock { isCancelled } }

        /// The item the calling thread runs, nil off the pool's threads.
        static var current: Item? { Thread.current.threadDictionary[BlockingPool.itemKey] as? Item }
    }

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var head = 0
    private var threads = 0
    private var idle = 0
    private let maxThreads: Int

    init(maxThreads: Int) {
        self.maxThreads = maxThreads
    }

    func submit(_ item: Item) {
        condition.lock()
        queue.append(item)
        let start = Self.startsThread(waiting: queue.count - head, idle: idle, threads: threads, maxThreads: maxThreads)
        if start { threads += 1 }
        condition.signal()
        condition.unlock()
        if start {
            let thread = Thread { [self] in
                Thread.current.name = Self.threadName
                Thread.current.threadDictionary[Self.threadName] = true
                work()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// An idle thread counts itself busy only once it has woken and taken an item: items
    /// submitted back to back all see the same idle thread, so the rule compares the items
    /// waiting (this one included) with the idle threads, not the idle count with zero.
    static func startsThread(waiting: Int, idle: Int, threads: Int, maxThreads: Int) -> Bool {
        waiting > idle && threads < maxThreads
    }

    private func work() {
        while true {
            condition.lock()
            idle += 1
            while head == queue.count { condition.wait() }
            idle -= 1
            let item = queue[head]
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            Thread.current.threadDictionary[Self.itemKey] = item
            item.body?(item.cancelled)
            item.body = nil
            Thread.current.threadDictionary[Self.itemKey] = nil
        }
    }
}
