/// A DNS RCODE (RFC 1035 §4.1.1, RFC 6895 §2.3).
public enum ResponseCode: Sendable, Hashable, CustomStringConvertible {
    case noError, formErr, servFail, nxDomain, notImp, refused
    case other(UInt16)

    public init(_ value: UInt16) {
        switch value {
        case 0: self = .noError
        case 1: self = .formErr
        case 2: self = .servFail
        case 3: self = .nxDomain
        case 4: self = .notImp
        case 5: self = .refused
        default: self = .other(value)
        }
    }

    public var description: String {
        switch self {
        case .noError: "NOERROR"
        case .formErr: "FORMERR"
        case .servFail: "SERVFAIL"
        case .nxDomain: "NXDOMAIN"
        case .notImp: "NOTIMP"
        case .refused: "REFUSED"
        case .other(let value): "RCODE\(value)"
        }
    }
}
