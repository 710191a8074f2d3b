import ArgumentParser
import DaneCommands
import DaneCore

/// What one exporter module checks with: the knobs of `check`, as the same option groups (so a
/// module file's values are checked by parsing them as options, with the command line's own
/// messages), the monitoring thresholds, and which targets it may probe.
public struct ModuleOptions: ParsableArguments {
    @OptionGroup public var resolverOptions: ResolverOptions
    @OptionGroup public var policyOptions: PolicyOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var rolloverOptions: RolloverOptions

    @Flag(help: "Count a deliverable domain that is not authenticated by DANE as failing (probe_success 0).")
    public var requireDANE = false

    @Option(name: .customLong("allowed-domain"),
            help: ArgumentHelp("Probe only these targets: a name, *.NAME (names below it) or * (repeatable; default any).", valueName: "pattern"))
    public var allowedDomains: [String] = []

    @Flag(help: "Probe targets whose MX hosts resolve to loopback, private, link-local or other non-public addresses (refused by default).")
    public var allowPrivateAddresses = false

    public init() {}

    public mutating func validate() throws {
        for pattern in allowedDomains {
            do { _ = try DomainPattern(parsing: pattern) } catch {
                throw ValidationError("--allowed-domain \(BoundedText.quoted(pattern)): \(error.description)")
            }
        }
    }

    /// What this module's scrapes are checked with.
    public var module: ExporterModule {
        ExporterModule(setup: CheckerSetup(resolver: resolverOptions, policy: policyOptions, probe: probeOptions, rollover: rolloverOptions),
                       requireDANE: requireDANE,
                       allowedDomains: allowedDomains.compactMap { try? DomainPattern(parsing: $0) },
                       allowPrivateAddresses: allowPrivateAddresses)
    }
}
