import Foundation

/// The messages of an mbox file (RFC 4155: each starts with a "From " line at the start of a
/// line), read a chunk at a time so that a file of any size costs at most one message of
/// memory; a message over `limit` is skipped and named.
struct MboxReader {
    enum Message {
        case message([UInt8])
        case tooLarge
    }

    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var current: [UInt8] = []
    private var oversized = false
    private var started = false
    private(set) var failure: String?

    /// `prefix`: octets of the file already read.
    init(fd: Int32, limit: Int, startedWith prefix: [UInt8] = []) {
        self.fd = fd
        self.limit = limit
        buffer = prefix
    }

    /// The next line, its line break included; nil at the end.
    private mutating func line() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = newline + 1 }
                return buffer[position...newline]
            }
            if eof {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
            // Keep what is left of the line, read more.
            buffer.removeSubrange(0..<position)
            position = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                if count < 0 { failure = String(cString: strerror(errno)) }
                eof = true
                continue
            }
            buffer.append(contentsOf: chunk[0..<count])
            // A line longer than the limit is not kept whole: its start is the message's part.
            if buffer.count > limit + (1 << 20), buffer[position...].firstIndex(of: UInt8(ascii: "\n")) == nil {
                let slice = buffer[position...]
                buffer = []
                position = 0
                return slice
            }
        }
    }

    /// The next message; nil at the end of the file.
    mutating func next() -> Message? {
        while let line = line() {
            let isFrom = line.starts(with: Array("From ".utf8))
            if isFrom {
                if started { defer { current = []; oversized = false }; if let done = finish() { return done } }
                started = true
                continue
            }
            guard started else { continue }
            if oversized { continue }
            if current.count + line.count > limit {
                oversized = true
                current = []
                continue
            }
            current.append(contentsOf: line)
        }
        guard started else { return nil }
        started = false
        defer { current = []; oversized = false }
        return finish()
    }

    private func finish() -> Message? {
        if oversized { return .tooLarge }
        return .message(current)
    }

    /// True when the file starts like an mbox ("From " on its first line).
    static func looksLikeMbox(_ prefix: [UInt8]) -> Bool { prefix.starts(with: Array("From ".utf8)) }
}
