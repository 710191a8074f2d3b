import Foundation

/// The leaves of an e-mail message (RFC 5322 header and body, RFC 2045/2046 MIME): what a
/// `rua=mailto:` report arrives as (RFC 8460 §5.3: a `multipart/report; report-type=tlsrpt`
/// message whose report is an `application/tlsrpt+gzip` or `+json` part). Bounded: the header
/// section, the nesting and the number of parts are limited; bodies are decoded (base64 by
/// Foundation, quoted-printable here), never more than once.
///
/// Written here rather than taken from vapor/multipart-kit: that package parses multipart
/// bodies of HTTP form posts (no RFC 5322 header folding, no transfer encodings) and depends on
/// SwiftNIO, which the `danecheck` executable must not link.
public enum MIMEMessage {
    public static let maxHeaderBytes = 256 << 10
    public static let maxDepth = 8
    public static let maxParts = 256

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Every leaf part, in order (a message that is not multipart is one leaf: "body").
    public static func leaves(_ message: [UInt8]) throws(Failure) -> [MIMEPart] {
        var leaves: [MIMEPart] = []
        try walk(message[...], label: "", depth: 0, into: &leaves)
        return leaves
    }

    /// The header fields (names in lower case, folded lines unfolded) and where the body starts.
    static func header(_ entity: ArraySlice<UInt8>) throws(Failure) -> (fields: [(String, String)], body: ArraySlice<UInt8>) {
        var fields: [(String, String)] = []
        var index = entity.startIndex
        var line: [UInt8] = []
        func flush() throws(Failure) {
            defer { line = [] }
            guard !line.isEmpty else { return }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                // An mbox "From " line, or a stray line: not a field.
                return
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
            guard fields.count <= 1000 else { throw Failure(message: "more than 1000 header fields") }
        }
        while index < entity.endIndex {
            guard index - entity.startIndex <= maxHeaderBytes else { throw Failure(message: "a header section longer than \(maxHeaderBytes) octets") }
            let end = entity[index...].firstIndex(of: UInt8(ascii: "\n")) ?? entity.endIndex
            var content = entity[index..<end]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            index = end < entity.endIndex ? end + 1 : end
            if content.isEmpty {
                try flush()
                return (fields, entity[index...])
            }
            if content.first == UInt8(ascii: " ") || content.first == UInt8(ascii: "\t") {
                line.append(contentsOf: content)
            } else {
                try flush()
                line = Array(content)
            }
        }
        try flush()
        return (fields, entity[entity.endIndex...])
    }

    static func walk(_ entity: ArraySlice<UInt8>, label: String, depth: Int, into leaves: inout [MIMEPart]) throws(Failure) {
        guard depth <= maxDepth else { throw Failure(message: "MIME parts nested more than \(maxDepth) deep") }
        let (fields, body) = try header(entity)
        func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
        let type = field("content-type").flatMap(MIMEContentType.init(field:)) ?? .plain
        let place = label.isEmpty ? "body" : "part \(label)"
        if type.isMultipart {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
                throw Failure(message: "\(place): \(type.type) without a boundary")
            }
            let parts = split(body, boundary: Array(("--" + boundary).utf8))
            guard !parts.isEmpty else { throw Failure(message: "\(place): no part starts with its boundary") }
            for (offset, part) in parts.enumerated() {
                guard leaves.count < maxParts else { throw Failure(message: "more than \(maxParts) MIME parts") }
                try walk(part, label: label.isEmpty ? "\(offset + 1)" : "\(label).\(offset + 1)", depth: depth + 1, into: &leaves)
            }
            return
        }
        let encoding = field("content-transfer-encoding")?.lowercased() ?? "7bit"
        let decoded: [UInt8]
        switch encoding {
        case "base64":
            guard let data = Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters) else {
                throw Failure(message: "\(place): base64 that does not decode")
            }
            decoded = Array(data)
        case "quoted-printable": decoded = QuotedPrintable.decode(body)
        default: decoded = Array(body)
        }
        let disposition = field("content-disposition").map(MIMEContentType.split)?.1
        let name = disposition?["filename"] ?? type.parameters["name"]
        leaves.append(MIMEPart(label: place, contentType: type, fileName: name, body: decoded))
    }

    /// The parts of a multipart body: what lies between delimiter lines ("--boundary" at the
    /// start of a line), the line break before each delimiter belonging to it (RFC 2046 §5.1.1);
    /// the preamble and the epilogue (after "--boundary--") dropped.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.starts(with: boundary) {
                let rest = line.dropFirst(boundary.count)
                let closing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if closing || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) {
                    if let start = partStart {
                        // The line break before the delimiter is the delimiter's.
                        var end = lineStart
                        if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                        if end > start, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if closing { return parts }
                    partStart = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
                }
            }
            lineStart = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
        }
        // No closing delimiter: the last part runs to the end (a truncated message still yields it).
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}
