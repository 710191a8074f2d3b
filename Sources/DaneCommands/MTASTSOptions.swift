import ArgumentParser
import DaneCore

/// How MTA-STS policies are fetched (domain, check): the CA store for their HTTPS and the CNAME
/// limit for the TXT record.
public struct MTASTSOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CA certificates (PEM) for the HTTPS of MTA-STS policies, and in check for --tls-verify and hosts an enforced policy lists (default: the system store).",
                               valueName: "file"))
    public var caFile: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("How many CNAMEs may lead to the _mta-sts TXT record (Momentum's mta_sts_dns_cname_max_depth); more is no policy.",
                               valueName: "count"))
    public var mtaSTSCnameMaxDepth: Int = MTASTSFetcher.defaultMaxCNAMEDepth

    public init() {}

    public func validate() throws {
        if let caFile, !FileManagerCheck.isReadable(caFile) { throw ValidationError("cannot read --ca-file \(BoundedText.prefix(caFile))") }
        guard (0...20).contains(mtaSTSCnameMaxDepth) else { throw ValidationError("--mta-sts-cname-max-depth must be from 0 to 20") }
    }

    /// The lookup settings, over the session's (console) or this command's policy cache.
    public var settings: MTASTSSettings {
        MTASTSSettings(caFile: caFile, maxCNAMEDepth: mtaSTSCnameMaxDepth, cache: CommandEnvironment.shared.mtaSTSCache)
    }
}
