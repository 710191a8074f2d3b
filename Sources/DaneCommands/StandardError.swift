import Foundation

/// Writes whole lines to stderr; one write per line, so lines from threads do not interleave.
enum StandardError {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
