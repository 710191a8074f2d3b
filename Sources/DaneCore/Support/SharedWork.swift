import Synchronization

/// Work shared by everyone who asks for the same key while it runs, with no task of its own.
/// The first asker runs it in its own task, so the work is part of a structured task tree and
/// is cancelled with it; the others wait for its value. Three rules keep cancellation whole:
/// - a waiter that is cancelled stops waiting at once (it then runs the work itself under
///   cancellation, which every caller's work turns into an immediate "cancelled" value, or
///   the value its cache already holds: a lookup sends nothing, a probe connects to nothing);
/// - when the asker running the work is cancelled while others still wait, its (cancelled)
///   value is not shared: the first waiter runs the work anew;
/// - so the work runs only while someone waits for it: once its last waiter is gone it is
///   cancelled (it ran in that waiter's task) and nothing of it is left running.
final class SharedWork<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// What a waiter is woken with.
    private enum Turn: Sendable {
        case value(Value)
        /// The asker running the work was cancelled: this waiter runs it now.
        case run
        case cancelled
    }

    private struct Flight {
        var waiters: [UInt64: CheckedContinuation<Turn?, Never>] = [:]
        /// The waiters in the order they came (the first one left takes over).
        var order: [UInt64] = []
    }

    private struct State {
        var flights: [Key: Flight] = [:]
        var nextID: UInt64 = 0
        /// Askers that have not yet joined a flight, with whether they were cancelled meanwhile.
        var joining: [UInt64: Bool] = [:]
    }

    private let state = Mutex(State())

    private enum Join { case lead, wait, cancelled }

    init() {}

    /// `compute`'s value for `key`, computed once for everyone who asks while it runs, and
    /// whether this caller computed it. `publish` is called with a value about to be shared
    /// (not a cancelled one) before anyone else can ask again: a cache stores it there.
    func run(_ key: Key, publish: @Sendable (Value) -> Void = { _ in },
             _ compute: @Sendable () async -> Value) async -> (value: Value, computed: Bool) {
        let id = state.withLock { state in
            state.nextID += 1
            state.joining[state.nextID] = false
            return state.nextID
        }
        let turn: Turn? = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Turn?, Never>) in
                let join = state.withLock { state -> Join in
                    if state.joining.removeValue(forKey: id) == true { return .cancelled }
                    guard state.flights[key] != nil else {
                        state.flights[key] = Flight()
                        return .lead
                    }
                    state.flights[key]!.waiters[id] = continuation
                    state.flights[key]!.order.append(id)
                    return .wait
                }
                switch join {
                case .lead: continuation.resume(returning: nil)
                case .cancelled: continuation.resume(returning: .cancelled)
                case .wait: break
                }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Turn?, Never>? in
                if state.joining[id] != nil {
                    state.joining[id] = true  // its join sees this
                    return nil
                }
                // Waiting: woken now. Leading or done: the work sees the cancellation itself.
                guard let continuation = state.flights[key]?.waiters.removeValue(forKey: id) else { return nil }
                state.flights[key]?.order.removeAll { $0 == id }
                return continuation
            }
            continuation?.resume(returning: .cancelled)
        }
        switch turn {
        case .value(let value)?: return (value, false)
        case .cancelled?: return (await compute(), true)
        case .run?, nil: return (await lead(key, publish: publish, compute), true)
        }
    }

    /// Runs the work for the flight this caller leads, then wakes its waiters with the value,
    /// or, when this caller was cancelled, hands the work to the first waiter.
    private func lead(_ key: Key, publish: @Sendable (Value) -> Void, _ compute: @Sendable () async -> Value) async -> Value {
        let value = await compute()
        if Task.isCancelled {
            let next = state.withLock { state -> CheckedContinuation<Turn?, Never>? in
                guard var flight = state.flights[key] else { return nil }
                guard let first = flight.order.first else {
                    state.flights.removeValue(forKey: key)
                    return nil
                }
                flight.order.removeFirst()
                let continuation = flight.waiters.removeValue(forKey: first)
                state.flights[key] = flight
                return continuation
            }
            next?.resume(returning: .run)
            return value
        }
        publish(value)
        let waiters = state.withLock { $0.flights.removeValue(forKey: key)?.waiters.values.map { $0 } ?? [] }
        for waiter in waiters { waiter.resume(returning: .value(value)) }
        return value
    }

    /// Keys being computed now (for tests).
    var inFlight: Int { state.withLock { $0.flights.count } }

    /// Askers waiting for `key`'s value besides the one computing it (for tests).
    func waiting(on key: Key) -> Int { state.withLock { $0.flights[key]?.waiters.count ?? 0 } }
}
