import Foundation

/// `domain --authoritative`: for the zone holding each MX and TLSA RRset of a report, its NS set
/// and every address of every nameserver (through the resolver), then each address asked
/// directly (RD=0, DO=1) for the zone's SOA and those RRsets. Bounded: at most `maxNames`
/// nameservers and `maxAddresses` addresses per zone, every question within the timeout, all
/// servers at once; an unreachable server is listed, not fatal.
public struct AuthoritativeInspector: Sendable {
    public static let maxNames = 8
    public static let maxAddresses = 16
    /// Labels walked up from an owner name to find its zone.
    public static let maxZoneDepth = 12

    private let lookups: DNSLookupService
    private let timeout: Double
    private let trace: QueryTrace?

    public init(lookups: DNSLookupService, timeout: Double, trace: QueryTrace? = nil) {
        self.lookups = lookups
        self.timeout = timeout
        self.trace = trace
    }

    /// The questions of a report (the MX RRset; each host's TLSA RRset where one was looked up,
    /// failed lookups included: a bogus answer from one stale server is what this is for),
    /// grouped by the zone that holds them, in the order they first appear.
    public func inspect(_ report: DomainReport) async -> [ZoneServersReport] {
        var questions: [ZoneServersReport.Question] = [.init(name: report.mx.owner, type: .mx)]
        for host in report.hosts {
            if let tlsa = host.tlsa.final {
                let question = ZoneServersReport.Question(name: tlsa.owner, type: .tlsa)
                if !questions.contains(question) { questions.append(question) }
            }
        }
        let zones = await questions.concurrentMap { await zone(of: $0.name) }
        var order: [DNSName] = []
        var grouped: [DNSName: [ZoneServersReport.Question]] = [:]
        for (question, zone) in zip(questions, zones) {
            guard let zone else { continue }
            if grouped[zone] == nil { order.append(zone) }
            grouped[zone, default: []].append(question)
        }
        let work = order.map { (zone: $0, questions: grouped[$0] ?? []) }
        return await work.concurrentMap { await servers(of: $0.zone, questions: $0.questions) }
    }

    /// The closest enclosing name with an SOA RRset (the zone apex), through the resolver; nil
    /// when a lookup on the way fails (the apex cannot then be told from a name below it).
    func zone(of name: DNSName) async -> DNSName? {
        var candidate: DNSName? = name
        for _ in 0..<Self.maxZoneDepth {
            guard let current = candidate else { return nil }
            let soa = await lookups.lookup(current, .soa)
            if soa.owner == current, soa.records.contains(where: { if case .soa = $0 { true } else { false } }) { return current }
            if soa.status.isFailure { return nil }
            candidate = current.parent
        }
        return nil
    }

    func servers(of zone: DNSName, questions: [ZoneServersReport.Question]) async -> ZoneServersReport {
        let ns = await lookups.lookup(zone, .ns)
        let names = ns.records.compactMap { data -> DNSName? in
            if case .ns(let server) = data { return server }
            return nil
        }.sorted { $0.absolute < $1.absolute }
        guard !names.isEmpty else {
            let why = ns.status.isFailure ? "NS lookup failed: \(ns.failureText)" : "no NS RRset at \(zone.text)"
            return ZoneServersReport(zone: zone, questions: questions, nsLookup: ns, servers: [], leftOut: 0, failure: why)
        }
        let asked = Array(names.prefix(Self.maxNames))
        let addressed = await asked.concurrentMap { name in (name, await lookups.addressLookups(name).flatMap(\.addresses)) }
        let pairs = addressed.flatMap { name, addresses in addresses.map { (name: name, address: $0) } }
        let servers = await Array(pairs.prefix(Self.maxAddresses)).concurrentMap { pair in
            await ask(pair.name, pair.address, zone: zone, questions: questions)
        }
        let leftOut = (names.count - asked.count) + max(0, pairs.count - Self.maxAddresses)
        let failure = servers.isEmpty ? "no address for any nameserver of \(zone.text)" : nil
        return ZoneServersReport(zone: zone, questions: questions, nsLookup: ns, servers: servers, leftOut: leftOut, failure: failure)
    }

    /// One server: the SOA and every question at once, RD=0.
    func ask(_ name: DNSName, _ address: IPAddress, zone: DNSName, questions: [ZoneServersReport.Question]) async -> NameserverReport {
        let transport = ResolverTransport(servers: [ResolverAddress(address: address)], timeout: timeout, retries: 1, trace: trace)
        let queries = [DNSQuery(name: zone, type: .soa, recursionDesired: false)]
            + questions.map { DNSQuery(name: $0.name, type: $0.type, recursionDesired: false) }
        let exchanges = await queries.concurrentMap { await transport.exchange($0) }
        var responses: [DNSResponse] = []
        for exchange in exchanges {
            switch exchange.outcome {
            case .failure(let failure):
                return NameserverReport(name: name, address: address, serial: nil, answers: [], failure: failure.description)
            case .response(let response):
                if response.rcode != .noError && response.rcode != .nxDomain {
                    return NameserverReport(name: name, address: address, serial: nil, answers: [], failure: "answered \(response.rcode)")
                }
                if !response.authoritative {
                    return NameserverReport(name: name, address: address, serial: nil, answers: [],
                                            failure: "not authoritative for \(zone.text) (AA=0: a lame delegation)")
                }
                responses.append(response)
            }
        }
        let serial = responses[0].answer.lazy.compactMap { record -> UInt32? in
            if case .soa(let serial, _) = record.data { return serial }
            return nil
        }.first
        let now = lookups.wallClock()
        let answers = zip(queries.dropFirst(), responses.dropFirst()).map { ServedAnswer($0.1, for: $0.0, near: now) }
        return NameserverReport(name: name, address: address, serial: serial, answers: answers, failure: nil)
    }
}
