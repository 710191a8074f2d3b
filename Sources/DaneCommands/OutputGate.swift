import Synchronization

/// Lets a command's output through until the console abandons the command (Ctrl-C): from then
/// on nothing it prints reaches the terminal, though its threads may still be finishing.
public final class OutputGate: Sendable {
    private let closed = Atomic(false)

    public init() {}

    public func close() { closed.store(true, ordering: .releasing) }
    public var isOpen: Bool { !closed.load(ordering: .acquiring) }

    /// The gate of the command running in this task (set by the console); nil in the CLI.
    @TaskLocal public static var current: OutputGate?
}
