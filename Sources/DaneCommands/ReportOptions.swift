import ArgumentParser
import DaneCore
import DaneRender
import Foundation

/// `--html FILE` and `--junit FILE` of `check` and `summary`: the batch as a report for people
/// (one self-contained HTML page) and for CI systems (JUnit XML), written when the run ends.
public struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the batch as one self-contained HTML report to this file (opens offline).", valueName: "file"))
    public var html: String?

    @Option(help: ArgumentHelp("Write the batch as JUnit XML to this file: one testcase per domain, a failure where the exit code counts it.",
                               valueName: "file"))
    public var junit: String?

    public init() {}

    public var wanted: Bool { html != nil || junit != nil }

    public func validate() throws {
        for (option, path) in [("--html", html), ("--junit", junit)] {
            guard let path else { continue }
            if path.isEmpty { throw ValidationError("\(option) needs a file name") }
            if FileManagerCheck.isDirectory(path) { throw ValidationError("\(option) \(BoundedText.prefix(path)) is a directory") }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !FileManagerCheck.isDirectory(folder) { throw ValidationError("\(option) \(BoundedText.prefix(path)): no folder \(BoundedText.prefix(folder))") }
        }
        if let html, html == junit { throw ValidationError("--html and --junit name the same file") }
    }

    /// Writes the reports asked for.
    func write(_ report: BatchReport, code: ExitCode, seconds: Double?) throws {
        if let html { try Self.write(HTMLReport.render(report, outcomeCode: code.rawValue), to: html, option: "--html") }
        if let junit { try Self.write(JUnitReport.render(report, seconds: seconds), to: junit, option: "--junit") }
    }

    private static func write(_ text: String, to path: String, option: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError("cannot write \(option) \(BoundedText.prefix(path)): \((error as NSError).localizedDescription)",
                               exitCode: DanecheckExit.usage)
        }
    }
}
