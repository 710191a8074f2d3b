import DaneCore
import DaneTLSRPTStore
import Foundation
import GRDB

/// The receiver's SQLite database of reports (`TLSReportSchema`), through GRDB: one writer, in
/// WAL mode with `synchronous = FULL`, so a report is on disk when `store` returns (a crash or
/// power loss after that loses nothing acknowledged); readers (the metrics, `tlsrpt read --db`)
/// never wait for it. A report is stored once per organization and report-id.
public final class TLSReportStore: Sendable {
    public enum Outcome: Sendable, Equatable {
        case stored
        /// The same organization and report-id are stored already.
        case duplicate
        /// The organization sent `limit` reports in the last 24 hours already.
        case overQuota(limit: Int)
    }

    let pool: DatabasePool
    /// Reports one organization may have stored in any 24 hours.
    public let perSenderDaily: Int

    public init(path: String, perSenderDaily: Int) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        self.perSenderDaily = perSenderDaily
        try pool.write { db in
            for statement in TLSReportSchema.statements { try db.execute(sql: statement) }
            try db.execute(sql: "PRAGMA user_version = \(TLSReportSchema.version)")
        }
    }

    /// Stores a report (its JSON as received, its policies and failures) in one transaction.
    public func store(_ report: TLSReport, json: [UInt8], sender: String, now: Date = Date()) async throws -> Outcome {
        try await pool.write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reports WHERE organization = ? AND report_id = ?)",
                                           arguments: [report.organizationName, report.reportID]) ?? false
            if exists { return .duplicate }
            let recent = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports WHERE organization = ? AND received > ?",
                                          arguments: [report.organizationName, now.timeIntervalSince1970 - 86_400]) ?? 0
            if recent >= self.perSenderDaily { return .overQuota(limit: self.perSenderDaily) }
            try db.execute(sql: """
                INSERT INTO reports (organization, report_id, start, end, received, sender, json) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [report.organizationName, report.reportID, report.start.timeIntervalSince1970,
                                 report.end.timeIntervalSince1970, now.timeIntervalSince1970, sender, Data(json)])
            let id = db.lastInsertedRowID
            for policy in report.policies {
                let domain = TLSReportSummary.normalized(policy.policyDomain)
                try db.execute(sql: "INSERT INTO policies (report, policy_domain, policy_type, successful, failed) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, domain, policy.policyType.rawValue, policy.successfulSessions, policy.failedSessions])
                for failure in policy.failures {
                    try db.execute(sql: """
                        INSERT INTO failures (report, policy_domain, policy_type, result_type, receiving_mx, sessions) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [id, domain, policy.policyType.rawValue, failure.resultType.name,
                                         failure.receivingMXHostname.map(TLSReportSummary.normalized) ?? "", failure.failedSessionCount])
                }
            }
            return .stored
        }
    }

    /// Series for the metrics, each family at most `limit` series (the largest first).
    public func series(limit: Int = 1000) async throws -> TLSReportSeries {
        try await pool.read { db in
            let sessions = try Row.fetchAll(db, sql: """
                SELECT policy_domain, policy_type, SUM(successful) AS ok, SUM(failed) AS bad FROM policies
                GROUP BY policy_domain, policy_type ORDER BY ok + bad DESC LIMIT ?
                """, arguments: [limit]).map {
                TLSReportSeries.Sessions(domain: $0["policy_domain"], type: $0["policy_type"], successful: $0["ok"], failed: $0["bad"])
            }
            let failures = try Row.fetchAll(db, sql: """
                SELECT policy_domain, result_type, receiving_mx, SUM(sessions) AS n FROM failures
                GROUP BY policy_domain, result_type, receiving_mx ORDER BY n DESC LIMIT ?
                """, arguments: [limit]).map {
                TLSReportSeries.Failures(domain: $0["policy_domain"], resultType: $0["result_type"], receivingMX: $0["receiving_mx"], sessions: $0["n"])
            }
            let last = try Row.fetchAll(db, sql: """
                SELECT p.policy_domain AS domain, MAX(r.received) AS received, MAX(r.end) AS ending FROM policies p JOIN reports r ON r.id = p.report
                GROUP BY p.policy_domain ORDER BY received DESC LIMIT ?
                """, arguments: [limit]).map {
                TLSReportSeries.Last(domain: $0["domain"], received: $0["received"], end: $0["ending"])
            }
            let reports = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") ?? 0
            return TLSReportSeries(sessions: sessions, failures: failures, last: last, reports: reports)
        }
    }
}
