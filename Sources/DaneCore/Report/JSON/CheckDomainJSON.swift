/// One domain of `danecheck check` (schema `check_domain`): a `--jsonl` line, or an element of
/// the `--json` document's `domains`. The domain and its verdict first, the details last.
public struct CheckDomainJSON: Codable, Sendable, Equatable {
    public let schemaVersion: Int?
    public let domain: String
    public let verdict: String
    public let via: String?
    public let reason: String
    /// How the run ends for this domain: ok, deferred, indeterminate, no-mail.
    public let exitClass: String
    public let elapsedMs: Double
    public let warnings: [WarningJSON]
    /// MTA-STS testing mode: what enforcing would change, per host.
    public let mtaSTSNotes: [String]
    public let details: DomainJSON

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", domain, verdict, via, reason, exitClass = "exit_class", elapsedMs = "elapsed_ms"
        case warnings, mtaSTSNotes = "mta_sts_notes", details
    }

    /// `line`: a JSON Lines record of its own (it then names the schema version).
    public init(_ check: DomainCheck, line: Bool) {
        schemaVersion = line ? JSONOutput.schemaVersion : nil
        domain = check.report.domain.text
        verdict = check.verdict.verdict.rawValue
        via = check.verdict.via?.text
        reason = check.verdict.reason
        exitClass = check.outcome.exitClass.keyword
        elapsedMs = ProbeAddressJSON.rounded(check.seconds * 1000)
        warnings = WarningJSON.of(check.report) + check.warnings.map { WarningJSON($0.warning, host: $0.host) }
            + [check.report.tlsRPTWarning.map { WarningJSON(kind: "no-tlsrpt", message: $0) }].compactMap { $0 }
        mtaSTSNotes = check.mtaSTSNotes
        details = DomainJSON(check.report, check: check, command: nil)
    }
}
