import DaneCore
import Foundation

/// Draws DOT text with Graphviz's `dot` (found in PATH) and writes what it drew to stdout:
/// `--format svg|png`. Without Graphviz, one line says how to install it (exit 2).
enum GraphvizRunner {
    static func dotPath() -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Prints `dot` as it is (`.dot`), or as Graphviz draws it.
    static func output(_ dot: String, format: GraphOptions.Format) throws {
        guard format != .dot else { return StandardOutput.json(dot) }
        guard let path = dotPath() else {
            throw CommandError("--format \(format.rawValue) needs Graphviz's dot, which is not in PATH "
                               + "(Debian, Ubuntu: apt-get install graphviz); --format dot prints the graph for any Graphviz",
                               exitCode: DanecheckExit.usage)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-T\(format.rawValue)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The DOT is written on a thread of its own: dot may start writing before it read all.
        let writer = input.fileHandleForWriting
        Thread {
            try? writer.write(contentsOf: Data(dot.utf8))
            try? writer.close()
        }.start()
        // Its complaints are read on another thread while the drawing is read here: dot blocked
        // on a full stderr pipe would otherwise never close stdout.
        let complaints = PipeDrain(errors.fileHandleForReading)
        let drawn = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complaint = String(decoding: complaints.wait(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CommandError("Graphviz's dot failed (exit \(process.terminationStatus)): "
                               + BoundedText.prefix(complaint.trimmingCharacters(in: .whitespacesAndNewlines)), exitCode: DanecheckExit.usage)
        }
        // Binary (png): written as it is, past the text escaping of report lines.
        try? FileHandle.standardOutput.write(contentsOf: drawn)
    }
}
