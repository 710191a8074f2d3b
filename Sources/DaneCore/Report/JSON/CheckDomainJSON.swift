/// One domain of `danecheck check` (schema `check_domain`): a `--jsonl` line, or an element of
/// the `--json` document's `domains`. The domain and its verdict first, the details last.
public struct CheckDomainJSON: Codable, Sendable, Equatable {
    public let schemaVersion: Int?
    public let domain: String
    public let verdict: String
    public let via: String?
    public let reason: String
    /// How the run ends for this domain, by its verdict: ok, deferred, indeterminate, no-mail.
    public let exitClass: String
    /// Mail delivered and, under --require-dane, authenticated (what the gates and the
    /// exporter's probe_success say).
    public let succeeds: Bool?
    public let elapsedMs: Double
    /// The earliest notAfter among the server certificates the probes saw (reports' timelines).
    public let certificateExpiry: String?
    /// The earliest RRSIG expiration among the domain's lookups.
    public let rrsigExpiry: String?
    public let warnings: [WarningJSON]
    /// MTA-STS testing mode: what enforcing would change, per host.
    public let mtaSTSNotes: [String]
    public let details: DomainJSON

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", domain, verdict, via, reason, exitClass = "exit_class", succeeds, elapsedMs = "elapsed_ms"
        case certificateExpiry = "certificate_expiry", rrsigExpiry = "rrsig_expiry", warnings, mtaSTSNotes = "mta_sts_notes", details
    }

    /// `line`: a JSON Lines record of its own (it then names the schema version).
    public init(_ assessment: Assessment, line: Bool) {
        let check = assessment.check
        schemaVersion = line ? JSONOutput.schemaVersion : nil
        domain = assessment.domain.text
        verdict = assessment.verdict.rawValue
        via = assessment.via?.text
        reason = assessment.reason.description
        exitClass = assessment.exitClass.keyword
        succeeds = assessment.succeeds
        elapsedMs = ProbeAddressJSON.rounded(assessment.seconds * 1000)
        certificateExpiry = assessment.certificateExpiry.map(TimeFormat.timestamp)
        rrsigExpiry = assessment.signatureExpiry.map(TimeFormat.timestamp)
        warnings = assessment.findings.map(WarningJSON.init)
        mtaSTSNotes = check.mtaSTSNotes
        details = DomainJSON(check.report, check: check, command: nil)
    }
}
