import DaneCore
import Foundation
import Synchronization

/// "[#####.....] 120/200  35.2/s  ETA 2s  waiting: slow.test 12.3s" on stderr when stderr is a
/// terminal (stdout may go to a file: that is when a bar is wanted), redrawn in place twice a
/// second so the slowest pending domains show their time, cut to the terminal's width, and
/// erased before any line is printed and at the end, so nothing of it stays in the output.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        /// Nil while the input is still being read.
        var total: Int?
        var pending: [Int: (name: String, since: ContinuousClock.Instant)] = [:]
        var shown = false
        var finished = false
    }

    private let enabled: Bool
    private let start = ContinuousClock.now
    private let state = Mutex(State())
    private let gate = OutputGate.current

    /// `total`: nil when the domains are read as the batch runs (`known` says it once known).
    init(total: Int?, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled && (total ?? 2) > 1
        state.withLock { $0.total = total }
    }

    /// The input was read to its end: this many domains.
    func known(total: Int) {
        state.withLock { $0.total = total }
    }

    func started(_ index: Int, name: String) {
        state.withLock { $0.pending[index] = (name, ContinuousClock.now) }
    }

    /// A domain is done: the bar is redrawn with the new count.
    func finished(_ index: Int) {
        state.withLock {
            $0.pending[index] = nil
            $0.done += 1
        }
        redraw()
    }

    /// Redraws the bar every half second until the task is cancelled.
    func ticking() -> Task<Void, Never> {
        Task { [self] in
            guard enabled else { return }
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                redraw()
            }
        }
    }

    func redraw() {
        guard enabled, gate?.isOpen ?? true else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            guard !state.finished else { return }
            let pending = state.pending.values.map { ($0.name, (now - $0.since).seconds) }
            let text = Self.line(done: state.done, total: state.total, elapsed: (now - start).seconds, pending: pending,
                                 columns: TerminalSize.columns(STDERR_FILENO))
            StandardError.control("\r" + text + "\u{1B}[K")
            state.shown = true
        }
    }

    /// Erases the bar, runs `print` (which writes lines), and draws the bar again, all under the
    /// bar's lock so no redraw lands in the middle of a line.
    func printing(_ print: () -> Void) {
        state.withLock { state in
            if state.shown { StandardError.control("\r\u{1B}[K") }
            print()
            state.shown = false
        }
        redraw()
    }

    /// Erases the bar for good: nothing draws it again (the ticker may still be winding down).
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            if state.shown { StandardError.control("\r\u{1B}[K") }
            state.shown = false
            state.finished = true
        }
    }

    /// The bar's text: count, rate, ETA, and the two domains pending longest with their time;
    /// while the total is not known yet, the count alone ("120/?").
    static func line(done: Int, total: Int?, elapsed: Double, pending: [(String, Double)], columns: Int) -> String {
        let width = 20
        let rate = Double(done) / max(elapsed, 0.001)
        var text: String
        if let total {
            let filled = total == 0 ? width : width * min(done, total) / total
            let eta = rate > 0 ? Double(total - done) / rate : 0
            text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + String(format: "%d/%d  %.1f/s  ETA %.0fs", done, total, rate, eta)
        } else {
            text = "[" + String(repeating: ".", count: width) + "] " + String(format: "%d/?  %.1f/s", done, rate)
        }
        let slowest = pending.sorted { $0.1 > $1.1 }.prefix(2)
        if !slowest.isEmpty {
            text += "  waiting: " + slowest.map { "\(TerminalText.escape($0.0)) " + String(format: "%.1fs", $0.1) }.joined(separator: ", ")
        }
        // One column short of the width: writing the last column wraps some terminals.
        return text.count < columns ? text : String(text.prefix(max(columns - 2, 10))) + "…"
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
