import Foundation

/// What a socket call failed with, as a value. The cause is read from errno once, here, and
/// never by comparing message text: whether the peer refused, the network had no route, the
/// connection broke, or this host ran out of something (descriptors, buffers) decides what a
/// failure may be evidence of. A local shortage says nothing about the remote host, nor about
/// the network's port 25.
public enum NetworkFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The peer answered the connection attempt with a reset (ECONNREFUSED).
    case refused
    /// No route to the peer (ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN).
    case unreachable(errno: Int32)
    /// A connection that was made broke (ECONNRESET, EPIPE, ECONNABORTED, ETIMEDOUT).
    case broken(errno: Int32)
    /// This host's own rules refused to send (EPERM, EACCES: a local firewall rule, a policy).
    case deniedLocally(errno: Int32)
    /// This host ran out of a resource (EMFILE, ENFILE, ENOBUFS, ENOMEM, EADDRNOTAVAIL: no free
    /// local port or address).
    case localResource(errno: Int32)
    case other(errno: Int32)

    public init(errno code: Int32) {
        switch code {
        case ECONNREFUSED: self = .refused
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN: self = .unreachable(errno: code)
        case ECONNRESET, EPIPE, ECONNABORTED, ETIMEDOUT: self = .broken(errno: code)
        case EPERM, EACCES: self = .deniedLocally(errno: code)
        case EMFILE, ENFILE, ENOBUFS, ENOMEM, EADDRNOTAVAIL: self = .localResource(errno: code)
        default: self = .other(errno: code)
        }
    }

    /// The failure of the last call, from the thread's errno.
    static var last: NetworkFailure { NetworkFailure(errno: Glibc.errno) }

    public var code: Int32 {
        switch self {
        case .refused: ECONNREFUSED
        case .unreachable(let code), .broken(let code), .deniedLocally(let code), .localResource(let code), .other(let code): code
        }
    }

    /// True when the cause is on this host, not on the network or the peer.
    public var isLocal: Bool {
        switch self {
        case .deniedLocally, .localResource: true
        default: false
        }
    }

    /// The system's message for it ("Connection refused").
    public var description: String { String(cString: strerror(code)) }
}
