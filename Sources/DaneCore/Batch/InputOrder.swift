/// Results that finish in any order, released in input order as soon as every earlier one is
/// in: `check`'s text output streams without giving up the order it promises.
public struct InputOrder<Value: Sendable>: Sendable {
    private var waiting: [Int: Value] = [:]
    private var next = 0

    public init() {}

    /// Adds the result at `index` (each index once); returns those now ready, in order.
    public mutating func add(_ value: Value, at index: Int) -> [Value] {
        waiting[index] = value
        var ready: [Value] = []
        while let value = waiting.removeValue(forKey: next) {
            ready.append(value)
            next += 1
        }
        return ready
    }

    /// How many results were released.
    public var released: Int { next }
}
