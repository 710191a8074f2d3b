import Dispatch
import Foundation
import Synchronization

/// Ctrl-C while a console command runs: SIGINT is taken away from its default (which would end
/// the process) and delivered here, so the command can be abandoned and the prompt come back.
/// Every Ctrl-C is counted: a wait starts from a `mark()` taken before the command starts, so a
/// Ctrl-C that lands before the waiting task is scheduled (a loaded machine) is not lost.
/// Each wait has its own slot: cancelling one wait never consumes a Ctrl-C meant for another.
final class InterruptSignal: Sendable {
    /// Kept only to stay alive; never touched after `init`.
    nonisolated(unsafe) private let source: DispatchSourceSignal
    private let state = Mutex<State>(State())

    private struct State {
        var count: UInt64 = 0
        var waiters: [UUID: CheckedContinuation<Bool, Never>] = [:]
    }

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.fire() }
        source.resume()
    }

    /// The number of Ctrl-Cs so far: the starting point of a later `next(after:)`.
    func mark() -> UInt64 {
        state.withLock { $0.count }
    }

    /// True at the first Ctrl-C after `mark` (at once if it came already); false when the waiting
    /// task is cancelled first.
    func next(after mark: UInt64) async -> Bool {
        let id = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool? in
                    if state.count > mark { return true }
                    if Task.isCancelled { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
        }
    }

    private func fire() {
        let all = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.count += 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        all.forEach { $0.resume(returning: true) }
    }
}
