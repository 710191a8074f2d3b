import DaneCore
import Foundation
import Synchronization

/// Standard output for commands, through the current `OutputGate`. Report text goes out line
/// by line with whatever could act on a terminal escaped (`TerminalText`), each write(2) as it
/// is made (no buffering: a pipe sees a line when it is final, in order with stderr).
public enum StandardOutput {
    /// Report lines: each escaped, each ended with a newline.
    public static func lines(_ lines: [String], gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true, !lines.isEmpty else { return }
        StreamWriter.write(STDOUT_FILENO, lines.map { TerminalText.escape($0) + "\n" }.joined())
    }

    /// Report lines with styled spans: each span escaped, then coloured when `colour`.
    public static func lines(_ lines: [StyledLine], colour: Bool, gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true, !lines.isEmpty else { return }
        StreamWriter.write(STDOUT_FILENO, lines.map { TerminalColor.render($0, colour: colour) + "\n" }.joined())
    }

    /// danecheck's own text of several lines (help, usage), a line at a time like report lines.
    public static func text(_ block: String, gate: OutputGate? = OutputGate.current) {
        lines(block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), gate: gate)
    }

    /// Encoded JSON (`JSONOutput` escapes every control character), as it is.
    public static func json(_ text: String, gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true else { return }
        StreamWriter.write(STDOUT_FILENO, text)
    }
}

/// Writes whole lines to stderr, escaped like report lines; one write per line, so lines from
/// threads do not interleave. `gate` (captured where the line is made on another thread) or the
/// task's current gate decides whether an abandoned console command may still write.
public enum StandardError {
    public static func line(_ text: String, gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true else { return }
        StreamWriter.write(STDERR_FILENO, TerminalText.escape(text) + "\n")
    }

    /// "danecheck: warning: TEXT", the mark coloured when `colour`.
    public static func warning(_ text: String, colour: Bool, gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true else { return }
        let line: StyledLine = "danecheck: \(warning: "warning:") \(text)"
        StreamWriter.write(STDERR_FILENO, TerminalColor.render(line, colour: colour) + "\n")
    }

    /// Terminal control text of danecheck's own (the progress bar), unescaped.
    public static func control(_ text: String) {
        StreamWriter.write(STDERR_FILENO, text)
    }
}

/// write(2) until everything is written; a closed reader (EPIPE, `| head -1`) ends the writing
/// quietly: SIGPIPE is ignored, and there is no one left to tell. Every write first erases the
/// status line (`StatusLine`) if one is shown, under the same lock, so no line lands after it.
public enum StreamWriter {
    /// Set once a write to stdout found its reader gone (EPIPE): a batch then stops starting
    /// domains whose results no one will read.
    public static let outputClosed = Atomic<Bool>(false)

    public static func write(_ fd: Int32, _ text: String) {
        StatusLine.state.withLock { shown in
            if shown {
                raw(STDERR_FILENO, "\r\u{1B}[K")
                shown = false
            }
            raw(fd, text)
        }
    }

    static func raw(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes = bytes.dropFirst(count)
            } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                if count < 0 && errno == EPIPE && fd == STDOUT_FILENO { outputClosed.store(true, ordering: .relaxed) }
                return
            }
        }
    }
}
