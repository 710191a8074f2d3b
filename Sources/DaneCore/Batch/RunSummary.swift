/// `danecheck summary FILE.jsonl…`: the `check --jsonl` outputs of several runs (the shards of
/// one batch) merged into the summary one run over all their domains prints: the count per
/// verdict, the slowest domains, each host's warning once with the domains it affects, and the
/// exit classes. A domain met twice counts once (the first line met); a line that is not a
/// `check --jsonl` line is a problem with its file and line number, and the rest still count.
public struct RunSummary: Sendable {
    public private(set) var checks: [AssessmentSummary] = []
    public private(set) var warnings = HostWarningTally()
    public private(set) var problems: [BatchInput.Problem] = []
    /// Lines of a domain met before.
    public private(set) var duplicates = 0
    /// The report rows (`summary --html`), when asked for: nil keeps none.
    public private(set) var report: BatchReport?
    private var seen: Set<DNSName> = []

    /// `report`: gather a report row of every domain counted.
    public init(report: BatchReport? = nil) {
        self.report = report
    }

    /// Reads an open file (stdin included) line by line, as it comes; `name` names it in problems.
    public mutating func add(fileDescriptor fd: Int32, name: String) {
        let failure = LineReader.ReadFailure()
        var reader = LineReader(fileDescriptor: fd, limits: .jsonLines, failure: failure)
        while let item = reader.next() {
            switch item {
            case .line(let number, let text):
                add(line: text, source: "\(name):\(number)")
            case .tooLong(let number):
                problems.append(BatchInput.Problem(source: "\(name):\(number)",
                                                   message: "line longer than \(LineReader.Limits.jsonLines.lineLength >> 20) MiB"))
            case .stopped(let number, let reason):
                problems.append(BatchInput.Problem(source: "\(name):\(number)", message: reason))
            }
        }
        if let message = failure.message { add(problem: "cannot read: \(message)", source: name) }
    }

    /// One line; blank lines are skipped.
    public mutating func add(line: String, source: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        switch CheckLineRecord.parse(line) {
        case .failure(let failure):
            problems.append(BatchInput.Problem(source: source, message: failure.message))
        case .success(let parsed):
            guard seen.insert(parsed.summary.domain).inserted else {
                duplicates += 1
                return
            }
            if let policy = report?.policy { report?.add(parsed.row(index: checks.count, policy: policy)) }
            checks.append(parsed.summary)
            warnings.add(parsed.hostFindings, domain: parsed.summary.domain)
        }
    }

    public mutating func add(problem message: String, source: String) {
        problems.append(BatchInput.Problem(source: source, message: message))
    }
}
