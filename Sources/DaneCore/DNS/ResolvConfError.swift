import Foundation

/// Why the system resolver configuration cannot be used.
public enum ResolvConfError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case noNameservers(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path); give a resolver with --resolver ADDR[@PORT]"
        case .noNameservers(let path): "\(path) names no nameserver; give one with --resolver ADDR[@PORT]"
        }
    }
}
