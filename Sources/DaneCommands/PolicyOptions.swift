import ArgumentParser
import DaneCore

extension CheckPolicy.TLSMode: ExpressibleByArgument {}
extension CheckPolicy.TLSVerify: ExpressibleByArgument {}
extension KeyTypeSelection: ExpressibleByArgument {}
extension CheckPolicy.InsecureMX: ExpressibleByArgument {}

/// The Momentum DANE module's knobs, as options.
public struct PolicyOptions: ParsableArguments {
    @Flag(name: .customLong("no-use-dane"), help: "Never look up TLSA records (Momentum's use_dane off).")
    public var noUseDANE = false

    @Flag(name: .customLong("no-enable-dane"), help: "Look up TLSA but do not apply DANE verification (enable_dane off).")
    public var noEnableDANE = false

    @Option(help: ArgumentHelp("STARTTLS where DANE does not apply: ifavailable, required or disabled.", valueName: "mode"))
    public var tls: CheckPolicy.TLSMode = .ifavailable

    @Option(help: ArgumentHelp("PKIX check where DANE does not apply: none, ca (chain to a trusted CA) or host (and the MX host name).",
                               valueName: "mode"))
    public var tlsVerify: CheckPolicy.TLSVerify = .none

    @Flag(name: .customLong("mta-sts"), help: "Apply each domain's MTA-STS policy (RFC 8461): in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.")
    public var mtaSTS = false

    @OptionGroup public var mtaSTSOptions: MTASTSOptions

    @Option(help: ArgumentHelp("Under an insecure MX RRset: may (no DANE, Momentum) or dane (use the host's TLSA, Postfix; success is \"trusted\").",
                               valueName: "mode"))
    public var insecureMX: CheckPolicy.InsecureMX = .may

    public init() {}

    public func validate() throws {
        if mtaSTSOptions.caFile != nil && tlsVerify == .none && !mtaSTS {
            throw ValidationError("--ca-file needs --tls-verify ca or host, or --mta-sts")
        }
    }

    public var policy: CheckPolicy {
        CheckPolicy(useDANE: !noUseDANE, enableDANE: !noEnableDANE, tls: tls, tlsVerify: tlsVerify, caFile: mtaSTSOptions.caFile,
                    insecureMX: insecureMX, mtaSTS: mtaSTS)
    }

    /// The MTA-STS lookup settings, when --mta-sts asks for them.
    public var mtaSTSSettings: MTASTSSettings? { mtaSTS ? mtaSTSOptions.settings : nil }
}
