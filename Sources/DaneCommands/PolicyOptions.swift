import ArgumentParser
import DaneCore

extension CheckPolicy.TLSMode: ExpressibleByArgument {}
extension CheckPolicy.TLSVerify: ExpressibleByArgument {}
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

    @Option(help: ArgumentHelp("CA certificates (PEM) for --tls-verify and for MTA-STS (the policy's HTTPS, and PKIX under an enforced policy) (default: the system store).", valueName: "file"))
    public var caFile: String?

    @Flag(name: .customLong("mta-sts"), help: "Apply each domain's MTA-STS policy (RFC 8461): in enforce mode only the MX hosts it lists are used, and a host without a secure usable TLSA RRset needs a PKIX-valid certificate for its name; DANE, where it applies, is the only check.")
    public var mtaSTS = false

    @Option(parsing: .unconditional, help: ArgumentHelp("How many CNAMEs may lead to the _mta-sts TXT record (Momentum's mta_sts_dns_cname_max_depth); more is no policy.",
                               valueName: "count"))
    public var mtaSTSCnameMaxDepth: Int = MTASTSFetcher.defaultMaxCNAMEDepth

    @Option(help: ArgumentHelp("Under an insecure MX RRset: may (no DANE, Momentum) or dane (use the host's TLSA, Postfix; success is \"trusted\").",
                               valueName: "mode"))
    public var insecureMX: CheckPolicy.InsecureMX = .may

    public init() {}

    public func validate() throws {
        if let caFile, !FileManagerCheck.isReadable(caFile) { throw ValidationError("cannot read --ca-file \(caFile)") }
        if caFile != nil && tlsVerify == .none && !mtaSTS { throw ValidationError("--ca-file needs --tls-verify ca or host, or --mta-sts") }
        guard (0...20).contains(mtaSTSCnameMaxDepth) else { throw ValidationError("--mta-sts-cname-max-depth must be from 0 to 20") }
    }

    public var policy: CheckPolicy {
        CheckPolicy(useDANE: !noUseDANE, enableDANE: !noEnableDANE, tls: tls, tlsVerify: tlsVerify, caFile: caFile,
                    insecureMX: insecureMX, mtaSTS: mtaSTS)
    }

    /// The MTA-STS lookup settings, when --mta-sts asks for them.
    public var mtaSTSSettings: MTASTSSettings? {
        mtaSTS ? MTASTSSettings(caFile: caFile, maxCNAMEDepth: mtaSTSCnameMaxDepth, cache: CommandEnvironment.shared.mtaSTSCache) : nil
    }
}
