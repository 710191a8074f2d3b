import Dispatch
import Foundation
import Synchronization

/// Ctrl-C while a console command runs: SIGINT is taken away from its default (which would end
/// the process) and delivered here, so the command can be abandoned and the prompt come back.
/// Each wait has its own slot: cancelling one wait never consumes a Ctrl-C meant for another.
final class InterruptSignal: Sendable {
    /// Kept only to stay alive; never touched after `init`.
    nonisolated(unsafe) private let source: DispatchSourceSignal
    private let waiters = Mutex<[UUID: CheckedContinuation<Bool, Never>]>([:])

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// True at the next Ctrl-C; false when the waiting task is cancelled first.
    func next() async -> Bool {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = waiters.withLock { waiters -> Bool in
                    if Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume(returning: false) }
            }
        } onCancel: {
            waiters.withLock { $0.removeValue(forKey: id) }?.resume(returning: false)
        }
    }

    private func fire() {
        let all = waiters.withLock { waiters -> [CheckedContinuation<Bool, Never>] in
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        all.forEach { $0.resume(returning: true) }
    }
}
