import Glibc

/// Reads lines from a stream of octets as they come, with bounds, so that no input can take
/// unbounded memory or time: a line longer than `maxLineLength` is reported and skipped; one
/// with no end within `maxUnbrokenLength` (e.g. /dev/zero) ends the reading, and so do more
/// than `maxLines` lines or `maxTotalLength` octets in all.
public struct LineReader {
    public enum Item: Sendable, Hashable {
        /// Line `number` (from 1), without its end (LF or CRLF), decoded as UTF-8.
        case line(number: Int, text: String)
        /// Line `number` was longer than the limit and is left out.
        case tooLong(number: Int)
        /// Reading stopped here: why.
        case stopped(number: Int, reason: String)
    }

    public static let maxLineLength = 4096
    public static let maxUnbrokenLength = 1 << 20
    public static let maxLines = 1_000_000
    public static let maxTotalLength = 256 << 20

    /// The bounds: those above for a list of domains; wider for other line formats.
    public struct Limits: Sendable {
        public let lineLength: Int
        public let unbrokenLength: Int
        public let lines: Int
        public let totalLength: Int

        public static let domainList = Limits(lineLength: maxLineLength, unbrokenLength: maxUnbrokenLength,
                                              lines: maxLines, totalLength: maxTotalLength)
        /// `check --jsonl` output: one domain's whole check per line.
        public static let jsonLines = Limits(lineLength: 4 << 20, unbrokenLength: 8 << 20, lines: 10_000_000, totalLength: 64 << 30)
    }

    private let read: () -> [UInt8]?
    private let limits: Limits
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var total = 0
    private var skipping = false
    private var skipped = 0
    private var finished = false

    /// `read` returns the next chunk of octets, or nil (or an empty chunk) at the end.
    public init(limits: Limits = .domainList, read: @escaping () -> [UInt8]?) {
        self.read = read
        self.limits = limits
    }

    /// Why reading a file descriptor stopped early, if it did (set once the reader returns nil).
    public final class ReadFailure: @unchecked Sendable {
        public internal(set) var message: String?
        public init() {}
    }

    /// The lines of an open file (stdin included), read as they come in chunks of 64 KiB.
    public init(fileDescriptor fd: Int32, limits: Limits = .domainList, failure: ReadFailure) {
        self.init(limits: limits, read: {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = Glibc.read(fd, &chunk, chunk.count)
                if count >= 0 { return Array(chunk.prefix(count)) }
                if errno == EINTR { continue }
                failure.message = String(cString: strerror(errno))
                return nil
            }
        })
    }

    /// All of `text` as one chunk.
    public init(text: String) {
        var chunk: [UInt8]? = Array(text.utf8)
        self.init(read: { defer { chunk = nil }; return chunk })
    }

    /// The next line (or problem); nil at the end.
    public mutating func next() -> Item? {
        while !finished {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                number += 1
                if skipping {
                    skipping = false
                    skipped = 0
                    return .tooLong(number: number)
                }
                if number > limits.lines {
                    finished = true
                    return .stopped(number: number, reason: "more than \(limits.lines) lines: the rest is not read")
                }
                if line.count > limits.lineLength { return .tooLong(number: number) }
                let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
                return .line(number: number, text: String(decoding: text, as: UTF8.self))
            }
            // No line end in what is held: an overlong line is dropped as it grows.
            if buffer.count - start > limits.lineLength {
                skipped += buffer.count - start
                skipping = true
                start = buffer.count
                if skipped > limits.unbrokenLength {
                    finished = true
                    return .stopped(number: number + 1, reason: "no end of line within \(limits.unbrokenLength >> 20) MiB: the rest is not read")
                }
            }
            buffer.removeFirst(start)
            start = 0
            if total > limits.totalLength {
                // The lines within the limit were read; the one it cuts is where the reading stops.
                finished = true
                return .stopped(number: number + 1, reason: "more than \(limits.totalLength >> 20) MiB: the rest is not read")
            }
            guard let chunk = read(), !chunk.isEmpty else {
                finished = true
                if buffer.isEmpty && !skipping { return nil }
                number += 1
                if skipping { return .tooLong(number: number) }
                return .line(number: number, text: String(decoding: buffer, as: UTF8.self))
            }
            total += chunk.count
            // Past the limit: only the octets within it are kept (its complete lines are read).
            buffer += total > limits.totalLength ? chunk.prefix(chunk.count - (total - limits.totalLength)) : chunk[...]
        }
        return nil
    }
}
