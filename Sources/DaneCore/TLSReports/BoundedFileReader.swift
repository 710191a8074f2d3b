import Foundation

/// Reads a file (or stdin) whole, but never more than `limit` octets: a 2 GB attachment is one
/// error after `limit` octets, not 2 GB of memory.
enum BoundedFileReader {
    enum Failure: Error {
        case cannotRead(String)
        case tooLarge(limit: Int, size: Int?)

        var message: String {
            switch self {
            case .cannotRead(let reason): "cannot read: \(reason)"
            case .tooLarge(let limit, let size?): "\(size) octets, more than the limit of \(limit) for one input"
            case .tooLarge(let limit, nil): "more than the limit of \(limit) octets for one input"
            }
        }
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cannotRead(String(cString: strerror(errno)))) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            return .failure(.tooLarge(limit: limit, size: Int(info.st_size)))
        }
        return read(fd: fd, limit: limit)
    }

    static func read(fd: Int32, limit: Int) -> Result<[UInt8], Failure> {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead(String(cString: strerror(errno))))
            }
            if count == 0 { return .success(data) }
            guard data.count + count <= limit else { return .failure(.tooLarge(limit: limit, size: nil)) }
            data.append(contentsOf: chunk[0..<count])
        }
    }
}
