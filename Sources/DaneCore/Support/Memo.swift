import Synchronization

/// Each key's value computed once and kept for the run: askers while it is computed share the
/// computation (`SharedWork`: it runs in the first asker's task, and a cancelled asker stops
/// waiting); a value computed under cancellation is not kept.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let work = SharedWork<Key, Value>()
    private let values = Mutex<[Key: Value]>([:])

    init() {}

    func value(for key: Key, _ compute: @Sendable () async -> Value) async -> Value {
        if let value = values.withLock({ $0[key] }) { return value }
        // Looked again by whoever leads: between this asker's look and its join, the leader
        // before it may have published its value and left (a lead is decided with no flight).
        return await work.run(key, publish: { [self] value in self.values.withLock { $0[key] = value } }) { [self] in
            if let value = self.values.withLock({ $0[key] }) { return value }
            return await compute()
        }.value
    }

    /// Keys being computed now (for tests).
    var inFlight: Int { work.inFlight }
}
