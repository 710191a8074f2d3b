import Foundation

/// Why a probe of one address stopped before its end. Each renders as one line.
public enum ProbeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The TCP connection could not be made.
    case connect(NetworkFailure)
    case timeout(phase: String, seconds: Double, detail: String)
    case closed(phase: String)
    /// A socket call failed on a connection that was made.
    case io(NetworkFailure)
    /// The probe's task was cancelled (a scrape's deadline, the console's Ctrl-C): it says
    /// nothing about the server.
    case cancelled
    case protocolError(phase: String, String)
    case tls(String)
    /// A TLS protocol error after the handshake (a fatal alert, a record that does not decrypt).
    case tlsSession(phase: String, String)

    public var description: String {
        switch self {
        case .connect(let failure):
            "connect failed: \(failure)"
        case .timeout(let phase, let seconds, let detail):
            "timeout after \(TimeFormat.seconds(seconds)) waiting for \(phase)\(detail.isEmpty ? "" : " (\(detail))")"
        case .closed(let phase):
            "connection closed by the server while waiting for \(phase)"
        case .io(let failure):
            "network error: \(failure)"
        case .cancelled:
            "cancelled"
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
    /// How the attempt to make the TCP connection ended, as evidence about the path to the
    /// peer: `nil` when the failure says nothing about it (it came from this host, or the
    /// probe was cancelled).
    public var connectOutcome: ConnectOutcome? {
        switch self {
        case .timeout(let phase, _, _) where phase == TCPConnection.connectPhase: .timedOut
        case .connect(let failure):
            switch failure {
            case .refused: .refused
            case .broken(let code) where code == ETIMEDOUT: .timedOut
            case .unreachable, .broken, .other: .unreachable
            case .deniedLocally: .deniedLocally
            case .localResource: nil
            }
        case .cancelled: nil
        default: .connected
        }
    }

    public enum ConnectOutcome: Sendable, Hashable {
        /// The connection was made; whatever failed came later.
        case connected
        case timedOut, refused, unreachable
        /// This host's firewall refused the connection (EPERM).
        case deniedLocally
    }
}
