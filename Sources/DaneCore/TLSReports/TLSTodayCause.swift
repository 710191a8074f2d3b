import Foundation

/// Why a host (or the domain, or its MTA-STS policy) fails today, as the check found it: the
/// host's cause as values, the RFC 8460 result type a sender would report for it (nil: not a
/// TLS failure, e.g. the host does not answer), and, for a DANE mismatch, the records and since
/// when the server offers its certificate (its notBefore). `description` is the only text (the
/// result type is not in it: `TLSReportToday` says it when it differs from the report's).
public enum TLSTodayCause: Sendable, Hashable, CustomStringConvertible {
    case host(DNSName, HostCause, resultType: TLSResultType?, records: [TLSARecord], certificateSince: Date?)
    case domain(VerdictReason, resultType: TLSResultType?)
    case mtaSTS(String, resultType: TLSResultType)

    public var resultType: TLSResultType? {
        switch self {
        case .host(_, _, let type, _, _), .domain(_, let type): type
        case .mtaSTS(_, let type): type
        }
    }

    public var description: String {
        switch self {
        case .host(_, let cause, let type, let records, let since):
            if type == .tlsaInvalid, !records.isEmpty {
                let list = records.map { "\($0.usage) \($0.selector) \($0.matchingType)" }.joined(separator: ", ")
                let verb = records.count == 1 ? "does" : "do"
                let when = since.map { " since \(Self.day($0))" } ?? ""
                return "TLSA \(list) \(verb) not match the certificate offered\(when)"
            }
            return "\(cause)"
        case .domain(let reason, _): return "\(reason)"
        case .mtaSTS(let failure, _): return "MTA-STS policy: \(failure)"
        }
    }

    static func day(_ date: Date) -> String { String(TimeFormat.timestamp(date).prefix(10)) }
}
