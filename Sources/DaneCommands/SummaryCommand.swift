import ArgumentParser
import DaneCore
import DaneRender
import Foundation

/// `danecheck summary FILE.jsonl…`: the `check --jsonl` outputs of the shards of one batch (or
/// of any runs) merged into the summary a single run over all their domains prints.
public struct SummaryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Merge check --jsonl outputs (the shards of one batch) into the summary one run prints.",
        discussion: """
            Reads each file (- for stdin) line by line: every line a `check --jsonl` object. \
            Prints what `check` prints after a batch over all those domains: each host's warning \
            once with the domains it affects, the count per verdict and the slowest domains; and \
            exits as that run would have (the first that applies of 2 for an unreadable or \
            invalid line, 3 indeterminate, 4 no mail, 1 deferred; --require-dane and --strict as \
            for check). A domain met twice counts once (the first line; shards never overlap, so \
            that says two outputs of one shard were given).

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("check --jsonl outputs; - reads stdin.", valueName: "file"))
    public var files: [String] = []

    @OptionGroup public var gates: ExitGateOptions
    @OptionGroup public var reports: ReportOptions

    public init() {}

    public func validate() throws {
        if files.isEmpty { throw ValidationError("give one or more check --jsonl files (- for stdin)") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (stdin) can be given once") }
    }

    public func run() async throws {
        let report = reports.wanted ? BatchReport(title: "summary of \(files.count) file\(files.count == 1 ? "" : "s")",
                                                  source: files.count == 1 ? BoundedText.prefix(files[0] == "-" ? "stdin" : files[0]) : nil,
                                                  policy: gates.policy(), started: Date()) : nil
        var summary = RunSummary(report: report)
        for file in files {
            let name = BoundedText.prefix(file == "-" ? "stdin" : file)
            if file == "-" {
                summary.add(fileDescriptor: STDIN_FILENO, name: name)
                continue
            }
            if FileManagerCheck.isDirectory(file) {
                summary.add(problem: "is a directory, not a check --jsonl file", source: name)
                continue
            }
            let fd = open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                summary.add(problem: "cannot read: \(String(cString: strerror(errno)))", source: name)
                continue
            }
            summary.add(fileDescriptor: fd, name: name)
            close(fd)
        }
        summary.problems.forEach { StandardError.line("danecheck: error: \($0)") }
        if summary.duplicates > 0 {
            StandardError.line("danecheck: warning: \(summary.duplicates) line\(summary.duplicates == 1 ? "" : "s") of a domain met before left out (the same shard given twice?)")
        }
        StandardOutput.lines(CheckTextRenderer.findings(summary.warnings).map(\.text))
        StandardOutput.lines(CheckTextRenderer.summary(summary.checks, problems: summary.problems.count))
        let outcome = RunOutcome.of(summary.checks, policy: gates.policy(), problems: summary.problems.count)
        let code = DanecheckExit.code(for: outcome)
        if var report = summary.report {
            report.problems = summary.problems
            report.outcome = outcome
            try reports.write(report, code: code, seconds: nil)
        }
        if code != DanecheckExit.ok { throw code }
    }
}
