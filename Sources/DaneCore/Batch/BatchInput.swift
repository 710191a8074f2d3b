import Foundation

/// The domains of a `check` run: arguments and lines of a file (one per line, `#` comments),
/// validated, deduplicated; a bad line is reported with where it came from and the rest run.
public struct BatchInput: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let source: String
        public let message: String
        public var description: String { "\(source): \(message)" }

        public init(source: String, message: String) {
            self.source = source
            self.message = message
        }
    }

    public private(set) var domains: [DNSName] = []
    public private(set) var problems: [Problem] = []
    private var seen: Set<DNSName> = []

    public init() {}

    public mutating func add(arguments: [String]) {
        for (index, argument) in arguments.enumerated() {
            add(argument, source: "argument \(index + 1)")
        }
    }

    /// `name` is how the file is named in messages ("domains.txt", "stdin").
    public mutating func add(file contents: String, name: String) {
        var reader = LineReader(text: contents)
        add(&reader, name: name)
    }

    /// Reads the lines of an open file (stdin included) as they come, within `LineReader`'s bounds.
    public mutating func add(fileDescriptor fd: Int32, name: String) {
        let failure = LineReader.ReadFailure()
        var reader = LineReader(fileDescriptor: fd, failure: failure)
        add(&reader, name: name)
        if let message = failure.message { problems.append(Problem(source: name, message: "cannot read: \(message)")) }
    }

    /// A problem found outside the lines (a file that cannot be opened).
    public mutating func add(problem message: String, source: String) {
        problems.append(Problem(source: source, message: message))
    }

    private mutating func add(_ reader: inout LineReader, name: String) {
        while let item = reader.next() {
            switch Self.read(item, name: name, seen: &seen) {
            case .domain(let domain)?: domains.append(domain)
            case .problem(let problem)?: problems.append(problem)
            case nil: break
            }
        }
    }

    private mutating func add(_ text: String, source: String) {
        switch Self.read(text, source: source, seen: &seen) {
        case .domain(let domain)?: domains.append(domain)
        case .problem(let problem)?: problems.append(problem)
        case nil: break
        }
    }

    /// One item a list gives: a domain not met before, a problem, or nothing (a comment, a
    /// blank line, a repeated domain).
    public enum Item: Sendable, Hashable {
        case domain(DNSName)
        case problem(Problem)
    }

    /// What one line of a list gives (`#` starts a comment).
    static func read(_ item: LineReader.Item, name: String, seen: inout Set<DNSName>) -> Item? {
        switch item {
        case .line(let number, let line):
            var text = Substring(line)
            if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : read(trimmed, source: "\(name):\(number)", seen: &seen)
        case .tooLong(let number):
            return .problem(Problem(source: "\(name):\(number)", message: "line longer than \(LineReader.maxLineLength) octets"))
        case .stopped(let number, let reason):
            return .problem(Problem(source: "\(name):\(number)", message: reason))
        }
    }

    /// What one domain given (an argument, a line's text) gives.
    static func read(_ text: String, source: String, seen: inout Set<DNSName>) -> Item? {
        do {
            let name = try DNSName(validating: text)
            return seen.insert(name).inserted ? .domain(name) : nil
        } catch {
            return .problem(Problem(source: source, message: error.description))
        }
    }
}
