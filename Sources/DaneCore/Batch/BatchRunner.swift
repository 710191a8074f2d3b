/// One batch, for `check` and anything else that checks many domains: domains taken from a
/// `BatchSource` as they are read, at most `concurrency` assessed at once by the one assessor,
/// each event handed to the sink as it happens (in the order things happen: faces that promise
/// input order restore it, `InputOrder`), and how the run ends, from the assessments alone.
/// Decides nothing a face could; prints nothing.
public struct BatchRunner: Sendable {
    public enum Event: Sendable {
        case problem(BatchInput.Problem)
        case started(index: Int, domain: DNSName)
        case assessed(index: Int, Assessment)
        /// The input was read to its end: this many domains in all.
        case inputRead(total: Int)
    }

    /// How a batch ended: each domain's summary in input order, the input's problems, what was
    /// found of the run itself (the resolvers, this network's port 25), and the outcome.
    public struct Result: Sendable {
        public let summaries: [AssessmentSummary]
        public let problems: [BatchInput.Problem]
        public let runFindings: [Finding]
        public let outcome: RunOutcome
        /// False when the sink asked to stop before every domain was checked.
        public let complete: Bool
    }

    public let assessor: Assessor
    public let concurrency: Int

    public init(assessor: Assessor, concurrency: Int) {
        self.assessor = assessor
        self.concurrency = max(1, concurrency)
    }

    private enum Step: Sendable {
        case read([BatchInput.Item])
        case assessed(Int, Assessment)
    }

    /// Runs the batch. `keepGoing` is asked before each domain is started (false: the reader of
    /// the output has gone); cancellation of the calling task stops it too.
    public func run(_ source: BatchSource, keepGoing: @escaping @Sendable () -> Bool = { true },
                    sink: @Sendable (Event) async -> Void) async -> Result {
        var summaries: [Int: AssessmentSummary] = [:]
        var problems: [BatchInput.Problem] = []
        var tally = OutboundPortTally()
        var resolverFindings: [Finding] = []
        var count = 0, inFlight = 0, finished = 0
        var waiting: [DNSName] = []
        var inputDone = false, reading = false, stopped = false
        let inspector = assessor.checker.inspector
        await withTaskGroup(of: Step.self) { group in
            var pendingStarts: [(Int, DNSName)] = []
            func refill() {
                while inFlight < concurrency, !waiting.isEmpty {
                    guard keepGoing(), !Task.isCancelled else { stopped = true; waiting = []; return }
                    let domain = waiting.removeFirst(), index = count
                    count += 1
                    inFlight += 1
                    group.addTask { [assessor] in .assessed(index, await assessor.assess(domain)) }
                    pendingStarts.append((index, domain))
                }
                if !reading, !inputDone, !stopped, inFlight < concurrency, waiting.isEmpty {
                    reading = true
                    group.addTask { .read(await source.next()) }
                }
            }
            func flushStarts() async {
                for (index, domain) in pendingStarts { await sink(.started(index: index, domain: domain)) }
                pendingStarts = []
            }
            refill()
            await flushStarts()
            while let step = await group.next() {
                switch step {
                case .read(let items):
                    reading = false
                    if items.isEmpty {
                        inputDone = true
                        await sink(.inputRead(total: count + waiting.count))
                    }
                    for item in items {
                        switch item {
                        case .domain(let domain): waiting.append(domain)
                        case .problem(let problem):
                            problems.append(problem)
                            await sink(.problem(problem))
                        }
                    }
                case .assessed(let index, let assessment):
                    inFlight -= 1
                    finished += 1
                    summaries[index] = AssessmentSummary(assessment)
                    tally.add(assessment.check.hosts)
                    for finding in assessment.findings where finding.subject.isResolver && !resolverFindings.contains(finding) {
                        resolverFindings.append(finding)
                    }
                    // The domain's own answers leave a run's own cache: a survey keeps its summaries only.
                    await inspector.release(assessment.domain)
                    if finished % HeapTrim.interval == 0 { HeapTrim.now() }
                    await sink(.assessed(index: index, assessment))
                }
                refill()
                await flushStarts()
            }
        }
        let ordered = (0..<count).compactMap { summaries[$0] }
        let runFindings = resolverFindings + [tally.warning.map { Finding(.outboundPortBlocked, .run, $0) }].compactMap { $0 }
        return Result(summaries: ordered, problems: problems, runFindings: runFindings,
                      outcome: RunOutcome.of(ordered, policy: assessor.policy, problems: problems.count, runFindings: runFindings),
                      complete: !stopped && !Task.isCancelled)
    }
}
