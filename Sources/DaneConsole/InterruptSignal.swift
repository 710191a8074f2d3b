import Dispatch
import Foundation

/// Ctrl-C while a console command runs: SIGINT is taken away from its default (which would end
/// the process) and delivered here, so the command can be abandoned and the prompt come back.
/// Each wait has its own slot: cancelling one wait never consumes a Ctrl-C meant for another.
final class InterruptSignal: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var waiters: [UUID: CheckedContinuation<Bool, Never>] = [:]

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
                let resumeNow = lock.withLock { () -> Bool in
                    if Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume(returning: false) }
            }
        } onCancel: {
            lock.withLock { waiters.removeValue(forKey: id) }?.resume(returning: false)
        }
    }

    private func fire() {
        let all = lock.withLock { () -> [CheckedContinuation<Bool, Never>] in
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        all.forEach { $0.resume(returning: true) }
    }
}
