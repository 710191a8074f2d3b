import DaneCommands
import DaneCore

/// One module, ready to check with: how its checkers are made, what counts as success, and which
/// targets it may probe.
public struct ExporterModule: Sendable {
    public let setup: CheckerSetup
    public let requireDANE: Bool
    /// Targets it probes (empty: any).
    public let allowedDomains: [DomainPattern]
    /// False: a target whose MX hosts resolve to a non-public address is refused before any
    /// connection is made (the SSRF concern of blackbox_exporter #669 and #1639).
    public let allowPrivateAddresses: Bool
    /// The module file's settings as option words (empty: the command line's), shown by
    /// `&debug=true`.
    public var settings: [String] = []

    public init(setup: CheckerSetup, requireDANE: Bool, allowedDomains: [DomainPattern], allowPrivateAddresses: Bool) {
        self.setup = setup
        self.requireDANE = requireDANE
        self.allowedDomains = allowedDomains
        self.allowPrivateAddresses = allowPrivateAddresses
    }

    /// A scrape's assessor: a checker of its own (its own probes, the shared DNS cache), the
    /// module's policy (`require_dane`, `warn_days`).
    public func assessor() -> Assessor {
        Assessor(checker: setup.checker().checker,
                 policy: AssessmentPolicy(requireDANE: requireDANE, certificateDays: Double(setup.rollover.warnDays)))
    }

    /// Whether the module may probe a target, by its name.
    public func allows(_ domain: DNSName) -> Bool {
        allowedDomains.isEmpty || allowedDomains.contains { $0.matches(domain) }
    }
}
