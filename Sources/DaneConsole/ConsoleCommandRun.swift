import ArgumentParser
import DaneCommands

/// Runs one command of the tree from the console, in a task of its own behind an output gate.
/// On a terminal it races Ctrl-C: the command is then abandoned (its task cancelled, its output
/// from then on dropped, its threads left to reach their own deadlines) and the prompt comes back.
struct ConsoleCommandRun {
    static let interruptedStatus: Int32 = 130

    let interrupt: InterruptSignal?

    /// Runs `words`; a Ctrl-C counted after `mark` (taken when the line was read) interrupts it.
    func run(_ words: [String], since mark: UInt64) async -> Int32 {
        let command: any ParsableCommand
        switch CommandRunner.parse(words) {
        case .failure(let failure): return failure.status
        case .success(let parsed): command = parsed
        }
        nonisolated(unsafe) let parsed = command
        let gate = OutputGate()
        let task = Task { () -> Int32 in
            await OutputGate.$current.withValue(gate) {
                let status = await CommandRunner.run(parsed)
                return Task.isCancelled ? Self.interruptedStatus : status
            }
        }
        guard let interrupt else { return await task.value }
        let waiting = WaitingLine.watch(CommandEnvironment.shared.pendingQueries, gate: gate)
        defer {
            waiting.cancel()
            StatusLine.clear()
        }
        guard let finished = await Self.race(task, interrupt, since: mark) else {
            gate.close()  // whatever the abandoned command prints from now on is dropped
            task.cancel()
            StandardOutput.lines(["interrupted"])
            return Self.interruptedStatus
        }
        return finished
    }

    /// The command's status, or nil when Ctrl-C came first.
    private static func race(
        _ task: Task<Int32, Never>, _ interrupt: InterruptSignal, since mark: UInt64
    ) async -> Int32? {
        let once = OnceFlag()
        var waiter: Task<Void, Never>?
        let result: Int32? = await withCheckedContinuation { continuation in
            Task {
                let status = await task.value
                if once.claim() { continuation.resume(returning: status) }
            }
            waiter = Task {
                if await interrupt.next(after: mark), once.claim() { continuation.resume(returning: nil) }
            }
        }
        waiter?.cancel()
        return result
    }
}
