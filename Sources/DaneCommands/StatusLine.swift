import Foundation
import Synchronization

/// One line of passing state on stderr ("waiting for 127.0.0.1 …"), drawn in place and erased
/// by the next line anyone writes (`StreamWriter`), so it never stays in the output.
public enum StatusLine {
    /// Whether a status line is on the screen; held while anything is written.
    static let state = Mutex(false)

    public static func show(_ text: String) {
        state.withLock { shown in
            StreamWriter.raw(STDERR_FILENO, "\r" + text + "\u{1B}[K")
            shown = true
        }
    }

    public static var isShown: Bool { state.withLock { $0 } }

    public static func clear() {
        state.withLock { shown in
            if shown { StreamWriter.raw(STDERR_FILENO, "\r\u{1B}[K") }
            shown = false
        }
    }
}
