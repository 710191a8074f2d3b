import DaneCore
import Foundation
import GRDBSQLite

/// The reports of a receiver's database, read-only (the receiver may be writing it: SQLite's
/// WAL lets it): each report's JSON parsed as a file's would be, a problem for a database that
/// cannot be read. Plain SQLite calls: `danecheck` does not build GRDB for one SELECT.
public enum StoredReports {
    public static func forEach(database path: String, _ body: (TLSReportItem) -> Void) {
        let name = BoundedText.prefix(path, limit: 200)
        var db: OpaquePointer?
        guard FileManager.default.fileExists(atPath: path) else {
            return body(.problem(TLSReportProblem(origin: name, message: "cannot read: no such database file")))
        }
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil)
        defer { sqlite3_close(db) }
        guard status == SQLITE_OK, let db else {
            return body(.problem(TLSReportProblem(origin: name, message: "cannot open the database: \(message(db, status))")))
        }
        sqlite3_busy_timeout(db, 5000)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, TLSReportSchema.selectReports, -1, &statement, nil) == SQLITE_OK else {
            return body(.problem(TLSReportProblem(origin: name, message: "not a danecheck report database: \(message(db, SQLITE_ERROR))")))
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                return body(.problem(TLSReportProblem(origin: name, message: "reading stopped: \(message(db, step))")))
            }
            let id = sqlite3_column_int64(statement, 0)
            let count = Int(sqlite3_column_bytes(statement, 1))
            let json = sqlite3_column_blob(statement, 1).map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
            body(TLSReportDecoder.report(json, origin: "\(name): report \(id)"))
        }
    }

    static func message(_ db: OpaquePointer?, _ status: Int32) -> String {
        if let db, let text = sqlite3_errmsg(db) { return String(cString: text) }
        return String(cString: sqlite3_errstr(status))
    }
}
