import Foundation

/// The reports in files and folders as `tlsrpt read` takes them: a report file (JSON or gzip),
/// an e-mail message, an mbox, a maildir (its new/ and cur/), a folder of any of these (walked,
/// in name order), or `-` (stdin). Each input is read, decoded and handed on before the next is
/// read, so memory stays that of one input, whatever the count.
public struct TLSReportFiles: Sendable {
    /// Octets one input (a file, a message of an mbox, stdin) may have.
    public static let maxInputBytes = 64 << 20

    public let paths: [String]
    public let limit: Int

    public init(paths: [String], limit: Int = maxInputBytes) {
        self.paths = paths
        self.limit = limit
    }

    /// Hands every item to `body`, input after input.
    public func forEach(_ body: (TLSReportItem) -> Void) {
        for path in paths { visit(path, body) }
    }

    func visit(_ path: String, _ body: (TLSReportItem) -> Void) {
        let name = path == "-" ? "stdin" : BoundedText.prefix(path, limit: 200)
        if path == "-" {
            return read(fd: STDIN_FILENO, name: name, body)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            return body(.problem(TLSReportProblem(origin: name, message: "cannot read: \(String(cString: strerror(errno)))")))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for file in Self.files(in: path) { visit(file, body) }
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return body(.problem(TLSReportProblem(origin: name, message: "cannot read: \(String(cString: strerror(errno)))")))
        }
        defer { close(fd) }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit, !Self.startsWithFrom(fd) {
            return body(.problem(TLSReportProblem(origin: name, message: BoundedFileReader.Failure.tooLarge(limit: limit, size: Int(info.st_size)).message)))
        }
        read(fd: fd, name: name, body)
    }

    /// One open input: an mbox message by message, anything else whole.
    func read(fd: Int32, name: String, _ body: (TLSReportItem) -> Void) {
        var head = [UInt8](repeating: 0, count: 5)
        var got = 0
        while got < 5 {
            let count = head.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + got, 5 - got) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            got += count
        }
        head = Array(head[0..<got])
        if MboxReader.looksLikeMbox(head) {
            // The octets already read are the start of the first line.
            var reader = MboxReader(fd: fd, limit: limit, startedWith: head)
            var number = 0
            while let message = reader.next() {
                number += 1
                switch message {
                case .message(let data): TLSReportDecoder.decode(data, origin: "\(name): message \(number)").forEach(body)
                case .tooLarge:
                    body(.problem(TLSReportProblem(origin: "\(name): message \(number)",
                                                   message: BoundedFileReader.Failure.tooLarge(limit: limit, size: nil).message)))
                }
            }
            if let failure = reader.failure { body(.problem(TLSReportProblem(origin: name, message: "cannot read: \(failure)"))) }
            return
        }
        switch BoundedFileReader.read(fd: fd, limit: limit - head.count) {
        case .success(let rest): TLSReportDecoder.decode(head + rest, origin: name).forEach(body)
        case .failure(let failure): body(.problem(TLSReportProblem(origin: name, message: failure.message)))
        }
    }

    static func startsWithFrom(_ fd: Int32) -> Bool {
        var head = [UInt8](repeating: 0, count: 5)
        let count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 5, 0) }
        return count == 5 && MboxReader.looksLikeMbox(head)
    }

    /// The files under a folder in name order; a maildir's tmp/ (messages still being written)
    /// and hidden files left out.
    static func files(in folder: String) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [folder] }
        let isMaildir = names.contains("cur") || names.contains("new")
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            if isMaildir && name == "tmp" { continue }
            result.append((folder as NSString).appendingPathComponent(name))
        }
        return result
    }
}
