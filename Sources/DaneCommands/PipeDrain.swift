import Foundation

/// Reads a pipe to its end on a thread of its own, so that a child writing to two pipes can
/// never block on the one nobody reads; `wait()` gives what was read once the pipe closed.
final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    /// What the pipe carried; blocks until its writer closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}
