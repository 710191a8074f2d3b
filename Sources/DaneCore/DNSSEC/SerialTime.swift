import Foundation

/// RRSIG validity times are 32-bit serial numbers of seconds (RFC 4034 §3.1.5): the date is the
/// one with these low 32 bits closest to now. (Reading them this way sidesteps ldns 1.8.3's
/// post-2038 arithmetic.)
enum SerialTime {
    static func date(_ raw: UInt32, near now: Date) -> Date {
        let current = Int64(now.timeIntervalSince1970)
        let span: Int64 = 1 << 32
        let base = current - (current & (span - 1)) + Int64(raw)
        let best = [base - span, base, base + span].min { abs($0 - current) < abs($1 - current) } ?? base
        return Date(timeIntervalSince1970: TimeInterval(best))
    }
}
