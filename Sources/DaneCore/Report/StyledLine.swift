/// A report line whose verdict words and warning marks a terminal may colour. Renderers build it
/// with string interpolation, marking spans (`"\(host) \(verdict: v): \(reason)"`); the output
/// layer escapes each span's text (remote text never reaches a terminal raw) and only then adds
/// colour, so nothing a server sent can end or fake a colour.
public struct StyledLine: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Style: Sendable, Hashable {
        case verdict(Verdict)
        case warning
        /// A check's answer: "pass" or "fail".
        case result(passed: Bool)
    }

    public struct Span: Sendable, Hashable {
        public let text: String
        public let style: Style?
    }

    public private(set) var spans: [Span]

    public init(_ text: String) { spans = text.isEmpty ? [] : [Span(text: text, style: nil)] }

    public init(spans: [Span]) { self.spans = spans }

    public init(stringLiteral value: String) { self.init(value) }

    public init(stringInterpolation: StringInterpolation) { spans = stringInterpolation.spans }

    /// The line without styles, as a pipe gets it.
    public var text: String { spans.map(\.text).joined() }
    public var description: String { text }

    public static func + (left: StyledLine, right: StyledLine) -> StyledLine { StyledLine(spans: left.spans + right.spans) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var spans: [Span] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            if let last = spans.last, last.style == nil {
                spans[spans.count - 1] = Span(text: last.text + literal, style: nil)
            } else {
                spans.append(Span(text: literal, style: nil))
            }
        }

        public mutating func appendInterpolation<T>(_ value: T) { appendLiteral("\(value)") }

        /// A verdict word, coloured by what it means for the mail.
        public mutating func appendInterpolation(verdict: Verdict) {
            spans.append(Span(text: verdict.rawValue, style: .verdict(verdict)))
        }

        /// "pass" or "fail".
        public mutating func appendInterpolation(passed: Bool) {
            spans.append(Span(text: passed ? "pass" : "fail", style: .result(passed: passed)))
        }

        /// A warning mark ("warning:").
        public mutating func appendInterpolation(warning text: String) {
            spans.append(Span(text: text, style: .warning))
        }
    }
}
