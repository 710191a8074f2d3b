import DaneCommands
import DaneCore
import Foundation

/// The console's `mta_sts` commands (Momentum's): `show domain X` (the policy, from the session's
/// cache while its max_age lasts), `refresh policy X` (fetch again), `list all` (the cache).
struct ConsoleMTASTS {
    static let usage = "mta_sts show domain NAME | refresh policy NAME | list all"

    let lookups: DNSLookupService
    let timeout: Double
    let caFile: String?

    /// The lines to print, or nil for a usage error.
    func run(_ words: [String]) async -> [String]? {
        let cache = CommandEnvironment.shared.mtaSTSCache
        switch Array(words.dropFirst().prefix(2)) {
        case ["list", "all"] where words.count == 3:
            let reports = await cache.all
            return reports.isEmpty ? ["no MTA-STS policy cached"] : reports.flatMap { MTASTSTextRenderer.lines($0, always: true) }
        case ["show", "domain"] where words.count == 4, ["refresh", "policy"] where words.count == 4:
            guard let domain = try? DNSName(validating: words[3]) else { return nil }
            if words[1] == "refresh" {
                await cache.forget(domain)
                await lookups.forget([domain.prepending("_mta-sts"), domain.prepending("mta-sts")])
            }
            let fetcher = MTASTSSettings(caFile: caFile, cache: cache).fetcher(lookups: lookups, timeout: timeout)
            return MTASTSTextRenderer.lines(await fetcher.fetch(domain), always: true)
        default:
            return nil
        }
    }
}
