/// The one line for a domain whose every MX host defers, readable whatever the number of hosts:
/// hosts with the same cause are named once together (`all 100 hosts: connect failed:
/// Connection refused (mx1.many.test … mx100.many.test)`), distinct causes each once with their
/// hosts counted, in MX order of their first host. The line stays under about
/// `targetLength` characters: causes that do not fit are counted (`and 3 more causes (40
/// hosts)`); the full per-host list is in JSON, `check -v` and `domain --probe`.
public enum DeferralLine {
    public static let targetLength = 300
    /// Characters of one cause and one host name kept in the line.
    static let causeLimit = 120
    static let nameLimit = 60

    public static func text(_ hosts: [(host: DNSName, cause: HostCause)]) -> String {
        guard hosts.count > 1 else { return hosts.first.map { "\($0.host.text): \($0.cause)" } ?? "no MX host" }
        var order: [String] = []
        var byCause: [String: [DNSName]] = [:]
        for (host, cause) in hosts {
            let text = cause.description
            if byCause[text] == nil { order.append(text) }
            byCause[text, default: []].append(host)
        }
        let prefix = "every MX host defers: "
        if order.count == 1 { return prefix + group(order[0], byCause[order[0]] ?? [], all: true) }
        var parts: [String] = []
        var length = prefix.count
        for (index, cause) in order.enumerated() {
            let part = group(cause, byCause[cause] ?? [], all: false)
            let rest = order[(index + 1)...].reduce(0) { $0 + (byCause[$1]?.count ?? 0) }
            let tail = rest > 0 ? "; and \(order.count - index - 1) more cause\(order.count - index - 1 == 1 ? "" : "s") (\(rest) host\(rest == 1 ? "" : "s"))" : ""
            if !parts.isEmpty, length + 2 + part.count + (index + 1 < order.count ? tail.count : 0) > targetLength {
                let left = order[index...].reduce(0) { $0 + (byCause[$1]?.count ?? 0) }
                parts.append("and \(order.count - index) more cause\(order.count - index == 1 ? "" : "s") (\(left) host\(left == 1 ? "" : "s"))")
                break
            }
            parts.append(part)
            length += part.count + 2
        }
        return prefix + parts.joined(separator: "; ")
    }

    /// "host: cause" for one host; "N hosts: cause (first … last)" for more.
    private static func group(_ cause: String, _ names: [DNSName], all: Bool) -> String {
        let shown = BoundedText.prefix(cause, limit: causeLimit)
        let texts = names.map { BoundedText.prefix($0.text, limit: nameLimit) }
        if texts.count == 1 { return "\(texts[0]): \(shown)" }
        let listed = texts.count <= 3 ? texts.joined(separator: ", ") : "\(texts[0]) … \(texts[texts.count - 1])"
        return "\(all ? "all " : "")\(texts.count) hosts: \(shown) (\(listed))"
    }
}
