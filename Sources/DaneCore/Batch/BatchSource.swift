import Foundation
import Synchronization

/// The domains of a `check` run as they are read: the arguments, then a file's lines (one per
/// line, `#` comments; stdin too), validated, each domain once, a bad line a problem with where
/// it came from. Read a few lines at a time when the batch asks for more (`next`), so the first
/// domain is checked before the file is read to its end, and a 1 M-line file is never held whole.
/// `shard` keeps the domains of one shard.
public final class BatchSource: Sendable {
    private struct State {
        var arguments: [(text: String, source: String)]
        var reader: LineReader?
        var failure: LineReader.ReadFailure?
        var fileName: String
        var seen: Set<DNSName> = []
        var done = false
    }

    /// Distinct valid domains read so far, those of other shards included (a shard that holds
    /// none of them is no error; a list that holds none is).
    public var domainsRead: Int { state.withLock { $0.seen.count } }

    private let state: Mutex<State>
    private let shard: Shard?
    /// The descriptor opened for a named file (closed once read); nil for stdin or no file.
    private let opened: Int32?

    /// Items handed out at most per `next`.
    static let batch = 64

    /// `file`: a path, "-" for stdin, or nil. A file that cannot be opened is one problem.
    public init(arguments: [String], file: String?, shard: Shard? = nil) {
        self.shard = shard
        var reader: LineReader?
        var failure: LineReader.ReadFailure?
        var name = ""
        var opened: Int32?
        var problems: [BatchInput.Problem] = []
        if let file {
            name = BoundedText.prefix(file == "-" ? "stdin" : file)
            let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                problems.append(BatchInput.Problem(source: name, message: "cannot read: \(String(cString: strerror(errno)))"))
            } else {
                let readFailure = LineReader.ReadFailure()
                reader = LineReader(fileDescriptor: fd, failure: readFailure)
                failure = readFailure
                if file != "-" { opened = fd }
            }
        }
        self.opened = opened
        state = Mutex(State(arguments: arguments.enumerated().map { ($0.element, "argument \($0.offset + 1)") },
                            reader: reader, failure: failure, fileName: name))
        pendingProblems = Mutex(problems)
    }

    private let pendingProblems: Mutex<[BatchInput.Problem]>

    deinit {
        if let opened { close(opened) }
    }

    /// The next items (domains of the shard, problems), at most `batch`; empty once all is read.
    /// Reading blocks, so it runs on a blocking-work thread; one caller at a time.
    public func next() async -> [BatchInput.Item] {
        await BlockingWork.run(cancelled: []) { [self] in nextBlocking() }
    }

    func nextBlocking() -> [BatchInput.Item] {
        var items = pendingProblems.withLock { problems in
            defer { problems = [] }
            return problems.map(BatchInput.Item.problem)
        }
        let shard = self.shard
        state.withLock { state in
            func take(_ item: BatchInput.Item?) {
                switch item {
                case .domain(let domain)? where shard.map({ !$0.contains(domain) }) ?? false: break
                case let item?: items.append(item)
                case nil: break
                }
            }
            while items.count < Self.batch, !state.arguments.isEmpty {
                let argument = state.arguments.removeFirst()
                take(BatchInput.read(argument.text, source: argument.source, seen: &state.seen))
            }
            // Taken out while read: a LineReader copied back and forth would copy its buffer each line.
            guard !state.done, var reader = state.reader else { return }
            state.reader = nil
            defer { state.reader = reader }
            while items.count < Self.batch {
                guard let line = reader.next() else {
                    state.done = true
                    if let message = state.failure?.message {
                        items.append(.problem(BatchInput.Problem(source: state.fileName, message: "cannot read: \(message)")))
                    }
                    break
                }
                take(BatchInput.read(line, name: state.fileName, seen: &state.seen))
            }
        }
        return items
    }
}
