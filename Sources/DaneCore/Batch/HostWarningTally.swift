/// The host findings of a batch, each once with the domains it affects: 240 domains sharing an
/// MX host get its warning once, not 240 times (text output; JSON keeps every domain's findings
/// with the domain).
public struct HostWarningTally: Sendable {
    public struct Entry: Sendable, Hashable {
        public let host: DNSName
        public let message: String
        public let severity: Severity
        /// The domains whose assessments had the finding, in the order they were added.
        public internal(set) var domains: [DNSName]
    }

    private struct Key: Hashable {
        let host: DNSName
        let message: String
    }

    private var order: [Key] = []
    private var entries: [Key: Entry] = [:]

    public init() {}

    /// Adds one domain's host findings (add the domains in input order to list them so).
    public mutating func add(_ findings: [Finding], domain: DNSName) {
        for finding in findings {
            guard let host = finding.subject.host else { continue }
            let key = Key(host: host, message: finding.message)
            if entries[key] == nil {
                order.append(key)
                entries[key] = Entry(host: host, message: finding.message, severity: finding.severity, domains: [])
            }
            if entries[key]?.domains.last != domain { entries[key]?.domains.append(domain) }
        }
    }

    /// Every finding once, in the order first met.
    public var all: [Entry] { order.compactMap { entries[$0] } }
}
