import DaneCommands
import DaneCore
import Foundation

/// While a console command waits on a resolver for more than a second, one line on the
/// terminal says for whom and how long: "waiting for 127.53.0.5 to answer slow.test MX (3s)…".
/// Erased as soon as anything is printed, and when the command ends.
enum WaitingLine {
    static func watch(_ pending: PendingQueries, gate: OutputGate) -> Task<Void, Never> {
        guard isatty(STDERR_FILENO) == 1 else { return Task {} }
        return Task {
            var last = ""
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                guard !Task.isCancelled, gate.isOpen else { break }
                if let oldest = pending.oldest, case let waited = ContinuousClock.now - oldest.since, waited >= .seconds(1) {
                    let line = text(oldest, seconds: Int(waited.components.seconds), others: pending.count - 1)
                    if line != last || !StatusLine.isShown { StatusLine.show(line) }
                    last = line
                } else {
                    StatusLine.clear()
                    last = ""
                }
            }
        }
    }

    static func text(_ entry: PendingQueries.Entry, seconds: Int, others: Int) -> String {
        let more = others > 0 ? ", \(others) more" : ""
        return "waiting for \(entry.server) to answer \(TerminalText.escape(entry.query.name.text)) \(entry.query.type) (\(seconds)s\(more))… Ctrl-C interrupts"
    }
}
