import DaneCommands
import DaneCore
import Foundation

/// The console's cache commands (Momentum's): `dig DOMAIN`, `dns_cache lookup|submit NAME TYPE`,
/// `dns_cache stats|list`, and the forgetting half of `refresh domain NAME|all` (the session then
/// runs `domain NAME` afresh). Each returns the lines to print, or a usage error.
struct ConsoleCacheCommands {
    enum Result: Equatable {
        case lines([String])
        case usage(String)
        /// `refresh domain NAME`: the domain's answers are gone; look it up again.
        case lookUpAgain(String)
    }

    static let dnsCacheUsage = "dns_cache lookup NAME TYPE | submit NAME TYPE | stats | list"

    let lookups: DNSLookupService

    func dig(_ words: [String]) -> Result {
        guard words.count == 2 else { return .usage("dig DOMAIN") }
        let name: DNSName
        do { name = try DNSName(validating: words[1]) } catch { return .usage(error.description) }
        Task { [lookups] in _ = await lookups.lookup(name, .mx) }
        return .lines(["submitted"])
    }

    func refresh(_ words: [String]) async -> Result {
        guard words.count == 3, words[1] == "domain" else { return .usage("refresh domain NAME|all") }
        if words[2] == "all" {
            await lookups.forget(nil)
            return .lines(["cache emptied"])  // nothing to look up again: the next command asks afresh
        }
        let name: DNSName
        do { name = try DNSName(validating: words[2]) } catch { return .usage(error.description) }
        // Every name the domain's walk touches (MX, hosts, CNAME targets, TLSA owners), read
        // from the walk itself, so nothing of it is answered from the cache afterwards.
        await lookups.forget(Self.namesReachable(from: name, in: await lookups.cached(includingExpired: true)))
        return .lookUpAgain(words[2])
    }

    func dnsCache(_ words: [String]) async -> Result {
        switch (words.dropFirst().first ?? "", words.count) {
        case ("stats", 2):
            let stats = await lookups.statistics
            let perType = stats.asked.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return .lines(["questions: \(stats.totalAsked) (\(perType.joined(separator: ", ")))",
                           "sent to a resolver: \(stats.responses)",
                           String(format: "cache hits: %d (%.1f%%)", stats.totalHits, stats.hitRate * 100)])
        case ("list", 2):
            return .lines(await lookups.cached().sorted { ($0.name, $0.type) < ($1.name, $1.type) }.map(Self.line))
        case ("lookup", 4), ("submit", 4):
            // Any owner name, TLSA owners ("_25._tcp.mx.example.test") included.
            let name: DNSName
            do { name = try DNSName(validatingOwner: words[2]) } catch { return .usage(error.description) }
            guard let type = RecordType(askable: words[3]) else { return .usage("unknown record type \(BoundedText.quoted(words[3]))") }
            if words[1] == "submit" {
                Task { [lookups] in _ = await lookups.lookup(name, type) }
                return .lines(["submitted"])
            }
            guard let lookup = await lookups.cached().first(where: { $0.name == name && $0.type == type }) else {
                return .lines(["\(name.absolute) \(type) is not in the cache"])
            }
            // The record data too, as `dig` shows it (the cache holds what validated, or why not).
            return .lines([Self.line(lookup)] + lookup.records.map { "  \(RecordPresentation.text($0))" }
                          + (lookup.failureReason.map { ["  reason: \($0)"] } ?? []))
        default:
            return .usage(Self.dnsCacheUsage)
        }
    }

    /// Every cached name the domain's walk reaches: the domain, its MX hosts, their CNAME targets
    /// and TLSA owners (with the TLSA owners' own CNAME targets).
    static func namesReachable(from domain: DNSName, in lookups: [Lookup]) -> Set<DNSName> {
        var names: Set<DNSName> = [domain]
        var frontier = [domain]
        while let name = frontier.popLast() {
            for lookup in lookups where lookup.name == name {
                var found = [lookup.owner] + lookup.aliases
                for record in lookup.records {
                    if case .mx(_, let exchange) = record, exchange.text != "." { found.append(exchange) }
                }
                if lookup.type == .a || lookup.type == .aaaa { found += ([lookup.name, lookup.owner]).map { $0.tlsaName() } }
                for next in found where names.insert(next).inserted { frontier.append(next) }
            }
        }
        return names
    }

    /// Domain and host names in the cache (not TLSA owners), for tab completion.
    static func names(in lookups: [Lookup]) -> [String] {
        var names = Set<String>()
        for lookup in lookups where !lookup.name.text.hasPrefix("_") {
            names.insert(lookup.name.text)
            for record in lookup.records {
                if case .mx(_, let exchange) = record, exchange.text != "." { names.insert(exchange.text) }
            }
        }
        return names.sorted()
    }

    /// "example.test. MX secure records TTL:3540".
    static func line(_ lookup: Lookup) -> String {
        let ttl = lookup.ttl.map { " TTL:\($0)" } ?? ""
        return "\(lookup.name.absolute) \(lookup.type) \(lookup.status.rawValue) \(lookup.answer.keyword)\(ttl)"
    }
}
