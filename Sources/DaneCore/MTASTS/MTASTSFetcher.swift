import Foundation

/// Looks up a domain's MTA-STS policy (RFC 8461 §3): the `_mta-sts` TXT record (CNAMEs followed
/// up to `maxCNAMEDepth`), then the policy over HTTPS from mta-sts.DOMAIN, PKIX-validated.
/// Any failure means "no policy", with the reason kept for the report.
public struct MTASTSFetcher: Sendable {
    public static let defaultMaxCNAMEDepth = 5

    let lookups: DNSLookupService
    let https: HTTPSFetcher
    let maxCNAMEDepth: Int
    let cache: MTASTSPolicyCache
    let now: @Sendable () -> Date

    public init(lookups: DNSLookupService, https: HTTPSFetcher, maxCNAMEDepth: Int = defaultMaxCNAMEDepth,
                cache: MTASTSPolicyCache = MTASTSPolicyCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.lookups = lookups
        self.https = https
        self.maxCNAMEDepth = maxCNAMEDepth
        self.cache = cache
        self.now = now
    }

    /// RFC 8461 §5.1: when no fresh policy can be had (no TXT record, a failed lookup or fetch), a
    /// cached one still within its max_age applies; the reason is kept as a note.
    public func fetch(_ domain: DNSName) async -> MTASTSReport {
        let fresh = await fetchFresh(domain)
        guard fresh.effective == nil,
              let cached = await cache.policy(domain, id: nil, caFile: https.caFile, now: now()) else { return fresh }
        let why = fresh.failure?.description ?? "no _mta-sts TXT record"
        return MTASTSReport(domain: domain, txt: fresh.txt, record: cached.record, policy: cached.policy, failure: nil,
                            fetchedAt: cached.fetchedAt, note: "cached policy applies: \(why)")
    }

    private func fetchFresh(_ domain: DNSName) async -> MTASTSReport {
        let txt = await lookups.lookup(domain.prepending("_mta-sts"), .txt)
        func report(_ record: MTASTSRecord?, _ policy: MTASTSPolicy?, _ failure: MTASTSFailure?, at: Date? = nil) -> MTASTSReport {
            MTASTSReport(domain: domain, txt: txt, record: record, policy: policy, failure: failure, fetchedAt: at)
        }
        switch txt.answer {
        case .noData, .nxDomain:
            return report(nil, nil, nil)
        case .failed(let reason):
            return report(nil, nil, .lookup("TXT \(txt.status.rawValue) (\(reason))"))
        case .records(let records):
            if txt.aliases.count > maxCNAMEDepth {
                return report(nil, nil, .record("the TXT record is behind \(txt.aliases.count) CNAMEs, more than \(maxCNAMEDepth)"))
            }
            let texts = records.compactMap(\.txtText)
            let record: MTASTSRecord
            switch MTASTSRecord.select(texts) {
            case .failure(let failure): return report(nil, nil, failure)
            case .success(let found): record = found
            }
            if let cached = await cache.policy(domain, id: record.id, caFile: https.caFile, now: now()) {
                return MTASTSReport(domain: domain, txt: txt, record: record, policy: cached.policy, failure: nil,
                                    fetchedAt: cached.fetchedAt)
            }
            let fetched = await fetchPolicy(domain)
            let result: MTASTSReport
            switch fetched {
            case .failure(let failure): result = report(record, nil, failure)
            case .success(let policy): result = report(record, policy, nil, at: now())
            }
            await cache.store(result, caFile: https.caFile)
            return result
        }
    }

    /// RFC 8461 §3.3: GET https://mta-sts.DOMAIN/.well-known/mta-sts.txt, 200 and text/plain only.
    func fetchPolicy(_ domain: DNSName) async -> Result<MTASTSPolicy, MTASTSFailure> {
        let host = domain.prepending("mta-sts")
        let addressLookups = await lookups.addressLookups(host)
        let addresses = addressLookups.flatMap(\.addresses)
        guard !addresses.isEmpty else {
            let why = addressLookups.first(where: \.status.isFailure).map { "\($0.type) \($0.failureText)" }
            return .failure(.fetch("\(host.text) has no address\(why.map { ": \($0)" } ?? "")"))
        }
        let response: HTTPResponse
        switch await https.get(host: host, addresses: addresses, path: "/.well-known/mta-sts.txt") {
        case .failure(let failure): return .failure(failure)
        case .success(let got): response = got
        }
        guard response.status == 200 else {
            let redirect = (300...399).contains(response.status) ? " (redirects are not followed, RFC 8461 §3.3)" : ""
            return .failure(.fetch("HTTP \(response.status) \(TerminalText.escape(BoundedText.prefix(response.reason, limit: 60)))\(redirect)"))
        }
        let type = response.header("content-type")?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == "text/plain" else { return .failure(.fetch("Content-Type is \(type.map { BoundedText.quoted($0, limit: 60) } ?? "missing"), not text/plain")) }
        guard response.body.count <= https.maxBytes else { return .failure(.fetch("the policy is larger than \(https.maxBytes / 1024) KiB")) }
        return MTASTSPolicy.parse(String(decoding: response.body, as: UTF8.self))
    }
}
