import Foundation

/// Writes whole lines to stderr; one write per line, so lines from threads do not interleave.
/// `gate` (captured where the line is made on another thread) or the task's current gate decides
/// whether an abandoned console command may still write.
enum StandardError {
    static func line(_ text: String, gate: OutputGate? = OutputGate.current) {
        guard gate?.isOpen ?? true else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
