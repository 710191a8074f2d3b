import DaneCore
import Foundation

/// Certificate and RRSIG expiry over the next days: per day, how many domains' earliest server
/// certificate and earliest RRSIG expire then (an SVG bar chart); those already past, counted;
/// the soonest, listed.
struct Timeline {
    static let width = 8, height = 100

    private(set) var certificates: [Int]
    private(set) var signatures: [Int]
    private(set) var expiredCertificates = 0
    private(set) var expiredSignatures = 0
    private var upcoming: [(date: Date, domain: String, what: String)] = []
    let start: Date
    let days: Int

    init(_ rows: [ReportRow], from start: Date, days: Int) {
        self.start = start
        self.days = days
        certificates = Array(repeating: 0, count: days)
        signatures = Array(repeating: 0, count: days)
        for row in rows {
            if let date = row.certificateExpiry { add(date, row.domain.text, "certificate") }
            if let date = row.signatureExpiry { add(date, row.domain.text, "RRSIG") }
        }
    }

    private mutating func add(_ date: Date, _ domain: String, _ what: String) {
        let day = Int((date.timeIntervalSince(start) / 86_400).rounded(.down))
        if day < 0 {
            if what == "RRSIG" { expiredSignatures += 1 } else { expiredCertificates += 1 }
        } else if day < days {
            if what == "RRSIG" { signatures[day] += 1 } else { certificates[day] += 1 }
        } else {
            return
        }
        upcoming.append((date, domain, what))
    }

    var bars: [HTMLReportModel.Bar] {
        let peak = max(1, zip(certificates, signatures).map { $0 + $1 }.max() ?? 1)
        let scale = Double(Self.height) / Double(peak)
        return (0..<days).compactMap { day in
            let c = certificates[day], s = signatures[day]
            guard c + s > 0 else { return nil }
            let ch = Double(c) * scale, sh = Double(s) * scale
            let date = TimeFormat.timestamp(start.addingTimeInterval(Double(day) * 86_400)).prefix(10)
            return HTMLReportModel.Bar(x: day * Self.width, certificateY: Self.number(Double(Self.height) - ch),
                                       certificateHeight: Self.number(ch), signatureY: Self.number(Double(Self.height) - ch - sh),
                                       signatureHeight: Self.number(sh), title: "\(date): \(c) certificate\(c == 1 ? "" : "s"), \(s) RRSIG\(s == 1 ? "" : "s")")
        }
    }

    var ticks: [HTMLReportModel.Tick] {
        stride(from: 0, to: days + 1, by: 15).map { day in
            HTMLReportModel.Tick(x: day * Self.width, label: String(TimeFormat.timestamp(start.addingTimeInterval(Double(day) * 86_400)).prefix(10)))
        }
    }

    /// The soonest expiries (past ones first), at most `limit`.
    func soonest(_ limit: Int) -> [HTMLReportModel.Expiry] {
        upcoming.sorted { $0.date < $1.date }.prefix(limit).map { entry in
            let days = entry.date.timeIntervalSince(start) / 86_400
            return HTMLReportModel.Expiry(domain: entry.domain, what: entry.what, date: String(TimeFormat.timestamp(entry.date).prefix(10)),
                                          days: days < 0 ? "\(Int((-days).rounded(.up))) days ago" : String(format: "in %.1f days", days),
                                          past: days < 0)
        }
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
