@preconcurrency import CEditLine
import Foundation
import DaneCommands

/// libedit on the terminal: emacs keys, history kept in a file (bounded), tab completion through
/// `completer`. One editor per process (libedit calls back through C function pointers).
final class LineEditor {
    /// Completion for the text before the cursor: the string to insert, and the candidates to list.
    nonisolated(unsafe) static var completer: ((String) -> (insert: String, candidates: [String]))?
    nonisolated(unsafe) private static var promptBuffer: UnsafeMutablePointer<CChar>?

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// Set at the first failure to write the history file.
    private var saveFailed = false

    static let historySize: Int32 = 1000
    /// A history file larger than this is not read (1000 lines of commands are far less).
    static let maxHistoryBytes: UInt64 = 1 << 20

    init?(historyPath: String?) {
        setlocale(LC_CTYPE, "")  // libedit decodes typed characters by the locale (IDN input)
        guard let history = history_init() else { return nil }
        guard let editor = el_init("danecheck", stdin, stdout, stderr) else {
            history_end(history)
            return nil
        }
        self.editor = editor
        self.history = history
        self.historyPath = historyPath
        _ = cedit_history_setsize(history, Self.historySize)
        if let historyPath, Self.loadable(historyPath) { _ = cedit_history_load(history, historyPath) }
        _ = cedit_set_editor(editor, "emacs")
        _ = cedit_set_signal(editor, 1)  // window size changes redraw the line
        _ = cedit_set_history(editor, history)
        _ = cedit_set_prompt(editor) { _ in LineEditor.promptBuffer }
        _ = cedit_add_function(editor, "danecheck-complete", "complete a command, option or name") { editor, _ in
            LineEditor.complete(editor)
        }
        _ = cedit_bind(editor, "^I", "danecheck-complete")
    }

    deinit {
        el_end(editor)
        history_end(history)
    }

    /// One line without its newline; nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        free(Self.promptBuffer)
        Self.promptBuffer = strdup(prompt)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count), count > 0 else { return nil }
        return String(cString: line).trimmingCharacters(in: .newlines)
    }

    /// Whether the history file can be read: absent (nothing to read, not said), or a regular
    /// file of bounded size. Anything else is said and not read: libedit reads a device such as
    /// /dev/full or /dev/zero forever (found by the fault tests).
    static func loadable(_ path: String) -> Bool {
        // A symlinked history (managed dotfiles) is judged by what it points at.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else { return false }
        let regular = attributes[.type] as? FileAttributeType == .typeRegular
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        guard regular, size <= maxHistoryBytes else {
            StandardError.warning("the console history \(path) is \(regular ? "larger than \(maxHistoryBytes >> 20) MiB" : "not a regular file"): "
                                  + "not read", colour: false)
            return false
        }
        return true
    }

    /// Adds a line to the history and writes the history file; the first failure to write it
    /// (a full disk, a directory gone) is said once: the history then lives for the session only.
    func remember(_ line: String) {
        _ = cedit_history_enter(history, line)
        guard let historyPath, !saveFailed else { return }
        let failure = cedit_history_save(history, historyPath)
        if failure != 0 {
            saveFailed = true
            StandardError.warning("the console history could not be saved to \(historyPath): \(String(cString: strerror(failure))) "
                                  + "(it is kept for this session only)", colour: false)
        }
    }

    private static func complete(_ editor: OpaquePointer?) -> UInt8 {
        guard let editor, let info = el_line(editor)?.pointee, let completer else { return cedit_cc_refresh() }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
        let (insert, candidates) = completer(before)
        if !insert.isEmpty {
            _ = el_insertstr(editor, insert)
            return cedit_cc_refresh()
        }
        if candidates.count > 1 {
            FileHandle.standardOutput.write(Data(("\n" + candidates.joined(separator: "  ") + "\n").utf8))
            return cedit_cc_redisplay()
        }
        el_beep(editor)
        return cedit_cc_refresh()
    }
}
