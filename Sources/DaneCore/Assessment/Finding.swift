/// One thing danecheck found besides the verdict: its kind (one list, `FindingKind`), what it is
/// about, and what it says. Decided by the core once per domain (`Assessor`); every face shows
/// the same findings: text under the domain, JSON `warnings`, Nagios reasons, exporter counts.
public struct Finding: Sendable, Hashable {
    public let kind: FindingKind
    public let subject: FindingSubject
    public let message: String
    /// A few words for one-line faces (Nagios): "rollover warning: no-backup", "RRSIG expires in 2.5 days".
    public let brief: String

    public init(_ kind: FindingKind, _ subject: FindingSubject, _ message: String, brief: String? = nil) {
        self.kind = kind
        self.subject = subject
        self.message = message
        self.brief = brief ?? message
    }

    public var severity: Severity { kind.severity }
}
