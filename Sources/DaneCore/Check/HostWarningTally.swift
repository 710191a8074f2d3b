/// The rollover-health warnings of a batch, each host's warning once with the domains it
/// affects: 240 domains sharing an MX host get its warning once, not 240 times (text output;
/// JSON keeps every domain's warnings with the domain).
public struct HostWarningTally: Sendable {
    public struct Entry: Sendable, Hashable {
        public let host: DNSName
        public let message: String
        /// The domains whose checks met the warning, in the order they were added.
        public internal(set) var domains: [DNSName]
    }

    private struct Key: Hashable {
        let host: DNSName
        let message: String
    }

    private var order: [Key] = []
    private var entries: [Key: Entry] = [:]

    public init() {}

    public mutating func add(_ check: DomainCheck) { add(check.warnings, domain: check.report.domain) }

    /// Adds one domain's host warnings (add the domains in input order to list them so).
    public mutating func add(_ warnings: [(host: DNSName, warning: RolloverWarning)], domain: DNSName) {
        for (host, warning) in warnings {
            let key = Key(host: host, message: warning.message)
            if entries[key] == nil {
                order.append(key)
                entries[key] = Entry(host: host, message: warning.message, domains: [])
            }
            if entries[key]?.domains.last != domain { entries[key]?.domains.append(domain) }
        }
    }

    /// Every warning once, in the order first met.
    public var all: [Entry] { order.compactMap { entries[$0] } }
}
