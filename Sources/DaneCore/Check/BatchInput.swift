import Foundation

/// The domains of a `check` run: arguments and lines of a file (one per line, `#` comments),
/// validated, deduplicated; a bad line is reported with where it came from and the rest run.
public struct BatchInput: Sendable {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let source: String
        public let message: String
        public var description: String { "\(source): \(message)" }
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
            switch item {
            case .line(let number, let line):
                var text = Substring(line)
                if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                add(trimmed, source: "\(name):\(number)")
            case .tooLong(let number):
                problems.append(Problem(source: "\(name):\(number)", message: "line longer than \(LineReader.maxLineLength) octets"))
            case .stopped(let number, let reason):
                problems.append(Problem(source: "\(name):\(number)", message: reason))
            }
        }
    }

    private mutating func add(_ text: String, source: String) {
        do {
            let name = try DNSName(validating: text)
            if seen.insert(name).inserted { domains.append(name) }
        } catch {
            problems.append(Problem(source: source, message: error.description))
        }
    }
}
