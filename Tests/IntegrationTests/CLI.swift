import Foundation
import TestSupport

/// Runs the built `danecheck` executable and captures what it prints.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        /// The lines without findings ("  note: …", "  warning: …", "  critical: …" under one
        /// domain, "warning: …" once for a batch).
        var reportLines: [String] {
            lines.filter { line in !["note: ", "warning: ", "critical: "].contains { line.hasPrefix($0) || line.hasPrefix("  " + $0) } }
        }
    }

    /// The executable sits next to the test bundle in the build directory.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["DANECHECK_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("danecheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        fatalError("danecheck executable not found; build it first (swift build)")
    }()

    /// The exporter, a program of its own beside danecheck.
    static var exporter: URL { executable.deletingLastPathComponent().appendingPathComponent("danecheck-exporter") }

    /// Runs another program (a validator, openssl) with `input` on its stdin; its status and what
    /// it printed (stdout and stderr together).
    static func tool(_ path: String, _ arguments: [String], input: String) async throws -> (status: Int32, output: String) {
        try await OwnThread.run { try toolBlocking(path, arguments, input: input) }
    }

    private static func toolBlocking(_ path: String, _ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), out = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let writer = stdin.fileHandleForWriting
        Thread {
            try? writer.write(contentsOf: Data(input.utf8))
            try? writer.close()
        }.start()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Runs the executable on a thread of its own: waiting for it never holds one of the (two)
    /// cooperative threads that concurrent async tests need.
    /// `environment`: variables set (or replaced) for this run.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) async throws -> Result {
        try await OwnThread.run { try runBlocking(arguments, stdin: stdin, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], stdin: String?, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let start = Date()
        // A child that stops reading its input early must not kill the test run with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        if let stdin {
            // On a thread of its own: a large input would otherwise wait for the child, and the
            // child for someone to read its output.
            let writer = input.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: Data(stdin.utf8))
                try? writer.close()
            }.start()
        }
        // Drain stderr on another thread while stdout is read here, so neither pipe fills up.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = (try? err.fileHandleForReading.readToEnd()) ?? Data()
            group.leave()
        }
        let stdoutData = (try? out.fileHandleForReading.readToEnd()) ?? Data()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrBox.data, as: UTF8.self),
                      seconds: Date().timeIntervalSince(start))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
