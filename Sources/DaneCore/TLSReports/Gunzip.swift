import CZlib

/// Inflates gzip (RFC 1952; `application/tlsrpt+gzip`, RFC 8460 §5.3) with zlib, at most `limit`
/// octets out: a zip bomb stops at the limit, having cost no more than it.
public enum Gunzip {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case tooLarge(limit: Int)
        case truncated
        case corrupt(String)

        public var description: String {
            switch self {
            case .tooLarge(let limit): "gzip data inflates to more than \(limit) octets"
            case .truncated: "gzip data ends early (truncated)"
            case .corrupt(let message): "not valid gzip data (\(message))"
            }
        }
    }

    /// True when the data starts with gzip's magic number.
    public static func isGzip<C: Collection>(_ data: C) -> Bool where C.Element == UInt8 {
        var iterator = data.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    /// The inflated data; members written one after another (RFC 1952 §2.2) are inflated in turn.
    public static func inflate(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip wrapper only, with the largest window.
        guard czlib_inflate_init2(&stream, 15 + 16) == Z_OK else { throw .corrupt("zlib cannot start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var result: Failure?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if output.count + produced > limit { result = .tooLarge(limit: limit); return }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 { result = .truncated; return }
                case Z_STREAM_END:
                    // Another member follows, or trailing zeros some writers pad with.
                    guard stream.avail_in > 0 else { return }
                    let rest = UnsafeBufferPointer(start: stream.next_in, count: Int(stream.avail_in))
                    if rest.allSatisfy({ $0 == 0 }) { return }
                    guard rest.count >= 2, rest[0] == 0x1f, rest[1] == 0x8b else { result = .corrupt("data after the end"); return }
                    guard inflateReset(&stream) == Z_OK else { result = .corrupt("zlib cannot restart"); return }
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { result = .truncated; return }
                case Z_DATA_ERROR:
                    result = .corrupt(stream.msg.map { String(cString: $0) } ?? "data error")
                    return
                case Z_MEM_ERROR:
                    result = .corrupt("out of memory")
                    return
                default:
                    result = .corrupt("zlib status \(status)")
                    return
                }
            }
        }
        if let result { throw result }
        return output
    }
}
