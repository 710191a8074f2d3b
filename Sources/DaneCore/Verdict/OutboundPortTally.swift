/// Whether the network danecheck runs on lets connections out to the SMTP port at all. Many
/// networks (residential lines, cloud providers by default) drop or reject outbound port 25;
/// every probe then fails to connect and every domain "defers", which blames the remote side.
///
/// One domain whose hosts are all down looks exactly like a blocked port, so the claim needs
/// evidence about this network: every connection of the run failed before TCP was established
/// (timed out, refused, unreachable, refused by this host's firewall) while DNS answered, and
/// the failures span at least two checked domains whose MX hosts are unrelated — no registrable
/// domain (`RegistrableDomain`: the last two labels) in common. A run of one domain, or of
/// domains served by the same provider, says nothing of this network: each domain's own line
/// says what was seen of its hosts, and the run ends as a deferral. A local resource failure or
/// a cancelled probe is no evidence either way. Kept as counts and a few small sets, so a batch
/// of any size holds little.
public struct OutboundPortTally: Sendable {
    /// How many distinct sets of registrable domains are kept while looking for two unrelated ones.
    public static let keptGroups = 32

    private var ports = Set<UInt16>()
    private var connected = 0
    private var timedOut = 0
    private var refused = 0
    private var unreachable = 0
    private var denied = 0
    /// The registrable domains of the failed hosts of each checked domain (distinct sets, bounded).
    private var groups: [Set<RegistrableDomain>] = []
    /// The first failed address seen under each registrable domain ("[192.0.2.1]:25 (mx.example.com)").
    private var firstTried: [RegistrableDomain: String] = [:]
    /// Two checked domains with unrelated MX hosts, once found: one registrable domain of each.
    private var unrelated: (RegistrableDomain, RegistrableDomain)?

    public init() {}

    /// Adds the probes of one checked domain's hosts (those not attempted do not count).
    public mutating func add(_ reports: [HostProbeReport]) {
        var group = Set<RegistrableDomain>()
        for report in reports {
            for address in report.addresses where address.probe.attempted {
                let probe = address.probe
                var outcome = ProbeFailure.ConnectOutcome.connected
                if case .transport(_, let failure)? = probe.transcript.failure {
                    // A local shortage or a cancelled probe is no evidence about the path out.
                    guard let known = failure.connectOutcome else { continue }
                    outcome = known
                }
                ports.insert(probe.port)
                switch outcome {
                case .connected: connected += 1
                case .timedOut: timedOut += 1
                case .refused: refused += 1
                case .unreachable: unreachable += 1
                case .deniedLocally: denied += 1
                }
                guard outcome != .connected else { continue }
                let registrable = report.name.map { RegistrableDomain($0) } ?? RegistrableDomain(address: "\(probe.address)")
                group.insert(registrable)
                if firstTried[registrable] == nil, firstTried.count < Self.keptGroups * 2 {
                    firstTried[registrable] = "[\(probe.address)]:\(probe.port)" + (report.name.map { " (\($0.text))" } ?? "")
                }
            }
        }
        guard !group.isEmpty, unrelated == nil, !groups.contains(group) else { return }
        if let other = groups.first(where: { $0.isDisjoint(with: group) }), let a = other.min(by: { $0.text < $1.text }),
           let b = group.min(by: { $0.text < $1.text }) {
            unrelated = (a, b)
        } else if groups.count < Self.keptGroups {
            groups.append(group)
        }
    }

    /// The one warning for the run, nil while any connection was made or the failures could be
    /// those of one set of related hosts.
    public var warning: String? {
        let failed = timedOut + refused + unreachable + denied
        guard connected == 0, failed > 0, let pair = unrelated else { return nil }
        let port = ports.count == 1 ? "port \(ports.first!)" : "the SMTP ports"
        let how = [(timedOut, "timed out"), (refused, "refused"), (unreachable, "unreachable"),
                   (denied, "refused by this host's firewall")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let tried = [pair.0, pair.1].compactMap { firstTried[$0] }
        let others = failed - tried.count
        return "outbound \(port) of this network looks blocked: all \(failed) connection\(failed == 1 ? "" : "s") failed "
            + "before TCP was established, to the MX hosts of unrelated domains (\(how): \(tried.joined(separator: ", "))"
            + "\(others > 0 ? " and \(others) more" : "")) while DNS answered; the deferrals say nothing of the remote servers "
            + "(run danecheck where mail can leave, or ask the network's operator)"
    }
}
