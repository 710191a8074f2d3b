import DaneCore
import Foundation
import Synchronization

/// `check`'s faces of a batch, fed the runner's events as they happen: text lines in input
/// order (each domain as soon as every earlier one is done, its findings under it; host findings
/// once after the results when the batch has several domains), `--jsonl` lines in the order
/// domains finish, the `--json` document's domains kept for the end, the progress bar, and what
/// the console and `--debug` record of each probe. It renders; the assessments decided.
final class CheckBatchOutput: Sendable {
    enum Format { case text, jsonl, json }

    private struct State {
        var order = InputOrder<(lines: [StyledLine], domain: DNSName, findings: [Finding])>()
        var tally = HostWarningTally()
        /// --json: every assessment, for the document at the end (indexed: input order).
        var kept: [Int: Assessment] = [:]
        var problems: [BatchInput.Problem] = []
        /// --html, --junit: a small row per domain.
        var report: BatchReport?
    }

    private let format: Format
    private let verbose: Bool
    private let colour: Bool
    /// One domain given as the only argument: its host findings go under it.
    private let single: Bool
    /// --debug tls, --debug dane.
    private let traces: (tls: Bool, dane: Bool)
    let progress: ProgressBar
    private let state = Mutex(State())

    init(format: Format, verbose: Bool, colour: Bool, single: Bool, resolver: ResolverOptions, report: BatchReport? = nil) {
        self.format = format
        self.verbose = verbose
        self.colour = colour
        self.single = single
        traces = (resolver.traces(.tls), resolver.traces(.dane))
        progress = ProgressBar(total: single ? 1 : nil)
        state.withLock { $0.report = report }
    }

    /// The report rows gathered (--html, --junit), nil when none were asked for.
    var report: BatchReport? { state.withLock { $0.report } }

    func handle(_ event: BatchRunner.Event) {
        switch event {
        case .problem(let problem):
            StandardError.line("danecheck: error: \(problem)")
            state.withLock { $0.problems.append(problem) }
        case .started(let index, let domain):
            progress.started(index, name: domain.text)
        case .inputRead(let total):
            progress.known(total: total)
        case .assessed(let index, let assessment):
            CommandEnvironment.shared.addressHistory.record(assessment.check.hosts)
            ProbeTrace.emit(assessment.check.hosts, tls: traces.tls, dane: traces.dane)
            state.withLock { $0.report?.add(ReportRow(assessment, index: index)) }
            switch format {
            case .jsonl:
                if let line = try? JSONOutput.line(CheckDomainJSON(assessment, line: true)) {
                    progress.printing { StandardOutput.json(line) }
                }
            case .json:
                state.withLock { $0.kept[index] = assessment }
            case .text:
                let lines = [CheckTextRenderer.line(assessment)] + CheckTextRenderer.findings(assessment, hosts: single)
                    + (verbose ? CheckTextRenderer.verbose(assessment.check) : [])
                let ready = state.withLock { state in
                    let ready = state.order.add((lines, assessment.domain, assessment.hostFindings), at: index)
                    ready.forEach { state.tally.add($0.findings, domain: $0.domain) }
                    return ready
                }
                if !ready.isEmpty { progress.printing { StandardOutput.lines(ready.flatMap(\.lines), colour: colour) } }
            }
            progress.finished(index)
        }
    }

    /// After the batch: the host findings once (text, several domains); the assessments kept
    /// for --json, in input order.
    func finish() -> [Assessment] {
        progress.finish()
        let (tally, kept) = state.withLock { ($0.tally, $0.kept) }
        if format == .text && !single { StandardOutput.lines(CheckTextRenderer.findings(tally), colour: colour) }
        return kept.keys.sorted().compactMap { kept[$0] }
    }
}
