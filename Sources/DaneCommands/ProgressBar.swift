import Foundation

/// "[#####.....] 120/200  35.2/s  ETA 2s" on stderr, redrawn in place; only when both stdout and
/// stderr are terminals, and erased at the end so nothing of it stays in the output.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private let gate = OutputGate.current

    init(total: Int) {
        self.total = total
        enabled = total > 1 && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    func update(done: Int) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = String(format: "\r[%@] %d/%d  %.1f/s  ETA %.0fs ", bar, done, total, rate, eta)
        guard gate?.isOpen ?? true else { return }
        lock.withLock { StandardError.control(text) }
    }

    /// Erases the bar so that a line can be printed; the next update draws it again.
    func clear() {
        guard enabled else { return }
        lock.withLock { StandardError.control("\r\u{1B}[K") }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { StandardError.control("\r\u{1B}[K") }
    }
}
