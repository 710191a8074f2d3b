import Dispatch
import Foundation

/// Ctrl-C while a console command runs: SIGINT is taken away from its default (which would end
/// the process) and delivered here, so the command can be abandoned and the prompt come back.
final class InterruptSignal: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var waiter: CheckedContinuation<Void, Never>?

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// Returns at the next Ctrl-C, or when the waiting task is cancelled.
    func next() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.withLock {
                    if Task.isCancelled {
                        continuation.resume()
                    } else {
                        waiter = continuation
                    }
                }
            }
        } onCancel: {
            fire()
        }
    }

    private func fire() {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }
}
