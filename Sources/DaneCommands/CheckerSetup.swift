import DaneCore

/// What a checker is made of, read once from the option groups that declare its knobs, so that
/// `check` and each exporter module judge a domain the same way. Each `checker()` is new: its
/// probes are its own (a probe is reused within one run only); its DNS answers come from the
/// shared cache when there is one (console, exporter).
public struct CheckerSetup: Sendable {
    public let configuration: ResolverConfiguration
    public let policy: CheckPolicy
    public let mtaSTS: MTASTSSettings?
    public let prober: SMTPProber
    public let rollover: RolloverSettings
    public let keyTypes: KeyTypeSelection

    public init(resolver: ResolverOptions, policy: PolicyOptions, probe: ProbeOptions, rollover: RolloverOptions) {
        configuration = resolver.configuration()
        self.policy = policy.policy
        mtaSTS = policy.mtaSTSSettings
        prober = probe.smtpProber(resolver)
        self.rollover = rollover.settings
        keyTypes = probe.keyTypes
    }

    public func checker() -> (checker: DomainChecker, inspector: DomainInspector) {
        let inspector = CommandEnvironment.shared.inspector(configuration, options: policy.inspection, mtaSTS: mtaSTS)
        let checker = DomainChecker(inspector: inspector, prober: HostProber(prober: prober, rollover: rollover, keyTypes: keyTypes), policy: policy)
        return (checker, inspector)
    }
}
