/// The SQLite database of received TLSRPT reports: declared here once, created and written by
/// the receiver (`danecheck-exporter --tlsrpt-db`, through GRDB), read by `danecheck tlsrpt
/// read --db` (`StoredReports`, read-only). Each report is kept as its JSON (what was received,
/// decompressed), once per organization and report-id, with its policies' counts and its
/// failures beside it for the metrics.
public enum TLSReportSchema {
    /// `PRAGMA user_version` of this layout.
    public static let version = 1

    public static let statements = [
        """
        CREATE TABLE IF NOT EXISTS reports (
            id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL,
            report_id TEXT NOT NULL,
            start REAL NOT NULL,
            end REAL NOT NULL,
            received REAL NOT NULL,
            sender TEXT NOT NULL,
            json BLOB NOT NULL,
            UNIQUE (organization, report_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS policies (
            report INTEGER NOT NULL REFERENCES reports(id),
            policy_domain TEXT NOT NULL,
            policy_type TEXT NOT NULL,
            successful INTEGER NOT NULL,
            failed INTEGER NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS failures (
            report INTEGER NOT NULL REFERENCES reports(id),
            policy_domain TEXT NOT NULL,
            policy_type TEXT NOT NULL,
            result_type TEXT NOT NULL,
            receiving_mx TEXT NOT NULL,
            sessions INTEGER NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS reports_by_sender ON reports (sender, received)",
    ]

    /// Every stored report's JSON, oldest first.
    public static let selectReports = "SELECT id, json FROM reports ORDER BY id"
}
