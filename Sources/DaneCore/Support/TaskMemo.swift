/// Computes each key's value once and shares it with everyone who asks, also while it is
/// still being computed (one DNSKEY fetch per zone however many lookups need it): a `Memo`
/// that also breaks loops.
///
/// A computation that (through any chain of memos) asks for its own key would wait on itself
/// forever; the keys being computed travel with the task (`MemoLoopGuard`), so such a request
/// gets `onLoop` instead.
final class TaskMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let memo = Memo<Key, Value>()
    private let label: String

    init(_ label: String) {
        self.label = label
    }

    func value(for key: Key, onLoop: Value, _ compute: @escaping @Sendable () async -> Value) async -> Value {
        let id = "\(label):\(key)"
        let computing = MemoLoopGuard.computing
        if computing.contains(id) { return onLoop }
        return await memo.value(for: key) {
            await MemoLoopGuard.$computing.withValue(computing.union([id])) { await compute() }
        }
    }
}
