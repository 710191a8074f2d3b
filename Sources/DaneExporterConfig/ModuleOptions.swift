import ArgumentParser
import DaneCommands
import DaneCore

/// What one exporter module checks with: the knobs of `check`, as the same option groups (so a
/// module file's values are checked by parsing them as options, with the command line's own
/// messages), and the monitoring thresholds.
public struct ModuleOptions: ParsableArguments {
    @OptionGroup public var resolverOptions: ResolverOptions
    @OptionGroup public var policyOptions: PolicyOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var rolloverOptions: RolloverOptions

    @Flag(help: "Count a deliverable domain that is not authenticated by DANE as failing (probe_success 0).")
    public var requireDANE = false

    public init() {}

    /// What this module's scrapes are checked with.
    public var module: ExporterModule {
        ExporterModule(setup: CheckerSetup(resolver: resolverOptions, policy: policyOptions, probe: probeOptions, rollover: rolloverOptions),
                       requireDANE: requireDANE)
    }
}
