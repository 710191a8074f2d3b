import Foundation

/// Reads an HTTP/1.1 response (RFC 9112): status line, headers, then a body framed by
/// Content-Length, chunked transfer coding, or the end of the connection.
public enum HTTPResponseParser {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        case incomplete

        public var description: String {
            switch self {
            case .malformed(let text): "malformed HTTP response: \(text)"
            case .incomplete: "the connection closed before the response was complete"
            }
        }
    }

    /// `bytes`: everything read until the server closed the connection.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> HTTPResponse {
        guard let end = find([13, 10, 13, 10], in: bytes) else { throw .incomplete }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            throw .malformed("status line \(BoundedText.quoted(statusLine))")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("header line \(BoundedText.quoted(line))") }
            headers.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let rest = Array(bytes[(end + 4)...])
        let response = { (body: [UInt8], close: Bool) in
            HTTPResponse(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: body, framedByClose: close)
        }
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            return response(try dechunk(rest), false)
        }
        if let lengthText = headers.first(where: { $0.name == "content-length" })?.value {
            guard let length = Int(lengthText), length >= 0 else { throw .malformed("Content-Length \(BoundedText.quoted(lengthText))") }
            guard rest.count >= length else { throw .incomplete }
            return response(Array(rest.prefix(length)), false)
        }
        return response(rest, true)
    }

    static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var body: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { throw .incomplete }
            let sizeText = (String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? "")
                .trimmingCharacters(in: .whitespaces)
            // Hex digits only (no sign), and small: the body is at most what was read.
            guard (1...8).contains(sizeText.count), sizeText.allSatisfy(\.isHexDigit), let size = Int(sizeText, radix: 16),
                  size <= bytes.count else {
                throw .malformed("chunk size \(BoundedText.quoted(sizeText))")
            }
            index = lineEnd + 2
            if size == 0 { return body }
            guard bytes.count >= index + size + 2 else { throw .incomplete }
            body += bytes[index..<(index + size)]
            index += size + 2
        }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where Array(bytes[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }
}
