import Foundation

/// Lets a command's output through until the console abandons the command (Ctrl-C): from then
/// on nothing it prints reaches the terminal, though its threads may still be finishing.
public final class OutputGate: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false

    public init() {}

    public func close() { lock.withLock { closed = true } }
    public var isOpen: Bool { lock.withLock { !closed } }

    /// The gate of the command running in this task (set by the console); nil in the CLI.
    @TaskLocal public static var current: OutputGate?

}
