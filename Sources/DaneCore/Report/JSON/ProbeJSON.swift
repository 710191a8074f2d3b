/// `danecheck probe --json` (schema `probe`), and a host's probe inside a domain document: the
/// host's verdict first, what DANE demands of it, every address.
public struct ProbeJSON: Codable, Sendable, Equatable {
    public let schemaVersion: Int?
    public let command: String?
    public let host: String?
    public let verdict: String
    public let reason: String
    public let requirement: RequirementJSON
    public let recordsGiven: Bool
    public let addresses: [ProbeAddressJSON]
    public let warnings: [WarningJSON]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, host, verdict, reason, requirement, recordsGiven = "records_given"
        case addresses, warnings
    }

    /// `command`: nil inside another document (no schema_version then either).
    /// `showChain`: each certificate's PEM too (`probe --show-chain`).
    public init(_ report: HostProbeReport, command: String? = "probe", showChain: Bool = false) {
        schemaVersion = command == nil ? nil : JSONOutput.schemaVersion
        self.command = command
        host = report.name?.text
        let (verdict, reason) = report.verdict
        self.verdict = verdict.rawValue
        self.reason = reason
        requirement = RequirementJSON(report.policy)
        recordsGiven = report.recordsGiven
        addresses = report.addresses.map { ProbeAddressJSON($0, records: report.records, showChain: showChain) }
        warnings = report.warnings.map { WarningJSON($0, host: report.name) }
    }
}
