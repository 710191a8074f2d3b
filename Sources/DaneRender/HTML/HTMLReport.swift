import DaneCore
import Mustache

/// `check --html FILE`, `summary --html FILE`: the batch as one self-contained HTML page (counts
/// by verdict and exit class, the domains that fail with their reasons, findings by kind, the
/// expiry timeline, hosts shared by many domains, and every domain in a table the page sorts and
/// filters itself). Rendered from the report's rows; every remote string is escaped by the
/// template engine.
public enum HTMLReport {
    private static let template: MustacheTemplate = {
        do { return try MustacheTemplate(string: HTMLReportTemplate.text) } catch { fatalError("HTML report template: \(error)") }
    }()

    /// `outcomeCode`: the exit code the run ends with (the command's table maps the outcome).
    public static func render(_ report: BatchReport, outcomeCode: Int32) -> String {
        template.render(HTMLReportModel(report, outcomeCode: outcomeCode))
    }
}
