import Foundation

/// A TCP connection with a deadline on every step (non-blocking socket + poll).
final class TCPConnection {
    let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { close(fd) }

    /// The phase a connect timeout names.
    static let connectPhase = "the TCP connection"

    static func connect(to address: IPAddress, port: UInt16, deadline: Deadline) throws(ProbeFailure) -> TCPConnection {
        let family = address.family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .connect(.last) }
        let connection = TCPConnection(fd: fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let result = SocketAddress.with(address, port) { Glibc.connect(fd, $0, $1) }
        if result != 0 {
            guard errno == EINPROGRESS else { throw .connect(.last) }
            guard try deadline.wait(fd, for: Int16(POLLOUT)) else {
                throw .timeout(phase: connectPhase, seconds: deadline.seconds, detail: "")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 { throw .connect(NetworkFailure(errno: error)) }
        }
        return connection
    }

    /// Reads what is available, waiting until the deadline; empty at end of stream.
    func read(deadline: Deadline, phase: String, partial: () -> String) throws(ProbeFailure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { throw .io(.last) }
            guard try deadline.wait(fd, for: Int16(POLLIN)) else {
                throw .timeout(phase: phase, seconds: deadline.seconds, detail: partial())
            }
        }
    }

    func write(_ bytes: [UInt8], deadline: Deadline, phase: String) throws(ProbeFailure) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 { sent += count; continue }
            if count < 0 && errno == EINTR { continue }
            guard count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) else {
                throw .io(.last)
            }
            guard try deadline.wait(fd, for: Int16(POLLOUT)) else {
                throw .timeout(phase: phase, seconds: deadline.seconds, detail: "sending")
            }
        }
    }
}
