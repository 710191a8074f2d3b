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
        for (index, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var text = Substring(line)
            if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            add(trimmed, source: "\(name):\(index + 1)")
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
