import Synchronization

/// A counting semaphore for async code: `acquire` suspends (it never blocks a thread) until
/// a slot is free, or until its task is cancelled.
public final class AsyncSemaphore: Sendable {
    private struct State {
        var free: Int
        var waiting: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        var order: [UInt64] = []
        var nextID: UInt64 = 0
        /// Waiters cancelled before they were queued.
        var joining: [UInt64: Bool] = [:]
    }

    private let state: Mutex<State>
    private let slots: Int

    public init(_ slots: Int) {
        self.slots = slots
        state = Mutex(State(free: slots))
    }

    /// Slots taken and askers waiting for one.
    public var load: (taken: Int, waiting: Int) { state.withLock { (slots - $0.free, $0.waiting.count) } }

    /// True with a slot (give it back with `release`); false when the task was cancelled
    /// while it waited (no slot: nothing to give back).
    public func acquire() async -> Bool {
        let id = state.withLock { state in
            state.nextID += 1
            state.joining[state.nextID] = false
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                enum Join { case slot, cancelled, wait }
                let join = state.withLock { state -> Join in
                    if state.joining.removeValue(forKey: id) == true { return .cancelled }
                    if state.free > 0 {
                        state.free -= 1
                        return .slot
                    }
                    state.waiting[id] = continuation
                    state.order.append(id)
                    return .wait
                }
                switch join {
                case .slot: continuation.resume(returning: true)
                case .cancelled: continuation.resume(returning: false)
                case .wait: break
                }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                if state.joining[id] != nil {
                    state.joining[id] = true
                    return nil
                }
                guard let continuation = state.waiting.removeValue(forKey: id) else { return nil }
                state.order.removeAll { $0 == id }
                return continuation
            }
            continuation?.resume(returning: false)
        }
    }

    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            while let id = state.order.first {
                state.order.removeFirst()
                if let continuation = state.waiting.removeValue(forKey: id) { return continuation }
            }
            state.free += 1
            return nil
        }
        next?.resume(returning: true)
    }
}
