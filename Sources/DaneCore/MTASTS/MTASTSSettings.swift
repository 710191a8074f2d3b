/// How MTA-STS policies are looked up: the CA store for the HTTPS fetch, the CNAME limit for the
/// TXT record (Momentum's mta_sts_dns_cname_max_depth) and the policy cache to use.
public struct MTASTSSettings: Sendable {
    public let caFile: String?
    public let maxCNAMEDepth: Int
    public let cache: MTASTSPolicyCache

    public init(caFile: String? = nil, maxCNAMEDepth: Int = MTASTSFetcher.defaultMaxCNAMEDepth,
                cache: MTASTSPolicyCache = MTASTSPolicyCache()) {
        self.caFile = caFile
        self.maxCNAMEDepth = maxCNAMEDepth
        self.cache = cache
    }

    public func fetcher(lookups: DNSLookupService, timeout: Double) -> MTASTSFetcher {
        MTASTSFetcher(lookups: lookups, https: HTTPSFetcher(timeout: timeout, caFile: caFile),
                      maxCNAMEDepth: maxCNAMEDepth, cache: cache)
    }
}
