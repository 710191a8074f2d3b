import Foundation

/// Why a probe of one address stopped before its end. Each renders as one line.
public enum ProbeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case connect(String)
    case timeout(phase: String, seconds: Double, detail: String)
    case closed(phase: String)
    case io(String)
    case protocolError(phase: String, String)
    case tls(String)
    /// A TLS protocol error after the handshake (a fatal alert, a record that does not decrypt).
    case tlsSession(phase: String, String)

    public var description: String {
        switch self {
        case .connect(let message):
            "connect failed: \(message)"
        case .timeout(let phase, let seconds, let detail):
            "timeout after \(TimeFormat.seconds(seconds)) waiting for \(phase)\(detail.isEmpty ? "" : " (\(detail))")"
        case .closed(let phase):
            "connection closed by the server while waiting for \(phase)"
        case .io(let message):
            "network error: \(message)"
        case .protocolError(let phase, let message):
            "protocol error in \(phase): \(message)"
        case .tls(let message):
            "TLS handshake failed: \(message)"
        case .tlsSession(let phase, let message):
            "TLS error while waiting for \(phase): \(message)"
        }
    }
}

extension ProbeFailure {
    /// How a TCP connection failed to be made, nil when it was made (the failure came later).
    public var connectFailure: ConnectFailure? {
        switch self {
        case .timeout(let phase, _, _) where phase == TCPConnection.connectPhase: .timedOut
        case .connect(let message): message == String(cString: strerror(ECONNREFUSED)) ? .refused : .unreachable
        default: nil
        }
    }

    public enum ConnectFailure: Sendable, Hashable {
        case timedOut, refused, unreachable
    }
}
