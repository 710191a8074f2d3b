/// Whether the network danecheck runs on lets connections out to the SMTP port at all. Many
/// networks (residential lines, cloud providers by default) drop or reject outbound port 25;
/// every probe then fails to connect and every domain "defers", which blames the remote side.
/// When every connection tried in a run failed before TCP was established (timed out, refused,
/// unreachable), to at least two addresses of at least two hosts, while DNS answered (the
/// addresses came from it), the likely cause is here, not there: say so once. Kept as counts,
/// so a batch of any size holds a few integers.
public struct OutboundPortTally: Sendable {
    public static let minimumAddresses = 2
    public static let minimumHosts = 2

    /// The first addresses tried ("[192.0.2.1]:25 (mx.example.com)"), in order; only as many as
    /// the evidence needs.
    private var tried: [String] = []
    private var addresses = Set<String>()
    private var hosts = Set<DNSName>()
    private var ports = Set<UInt16>()
    private var connected = 0
    private var timedOut = 0
    private var refused = 0
    private var unreachable = 0
    private var denied = 0

    public init() {}

    /// Adds the probes of some hosts (those not attempted do not count).
    public mutating func add(_ reports: [HostProbeReport]) {
        for report in reports {
            for address in report.addresses where address.probe.attempted {
                let probe = address.probe
                var outcome = ProbeFailure.ConnectOutcome.connected
                if case .transport(_, let failure)? = probe.transcript.failure {
                    // A local shortage or a cancelled probe is no evidence about the path out.
                    guard let known = failure.connectOutcome else { continue }
                    outcome = known
                }
                let key = "[\(probe.address)]:\(probe.port)"
                if addresses.count < Self.minimumAddresses, addresses.insert(key).inserted {
                    tried.append(key + (report.name.map { " (\($0.text))" } ?? ""))
                }
                if hosts.count < Self.minimumHosts, let name = report.name { hosts.insert(name) }
                ports.insert(probe.port)
                switch outcome {
                case .connected: connected += 1
                case .timedOut: timedOut += 1
                case .refused: refused += 1
                case .unreachable: unreachable += 1
                case .deniedLocally: denied += 1
                }
            }
        }
    }

    /// The one warning for the run, nil while any connection was made or the evidence is thin.
    public var warning: String? {
        let failed = timedOut + refused + unreachable + denied
        guard connected == 0, failed > 0, addresses.count >= Self.minimumAddresses, hosts.count >= Self.minimumHosts else { return nil }
        let port = ports.count == 1 ? "port \(ports.first!)" : "the SMTP ports"
        let how = [(timedOut, "timed out"), (refused, "refused"), (unreachable, "unreachable"),
                   (denied, "refused by this host's firewall")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        let others = failed - tried.count
        return "outbound \(port) of this network looks blocked: all \(failed) connection\(failed == 1 ? "" : "s") failed "
            + "before TCP was established (\(how): \(tried.joined(separator: ", "))\(others > 0 ? " and \(others) more" : "")) "
            + "while DNS answered; the deferrals say nothing of the remote servers "
            + "(run danecheck where mail can leave, or ask the network's operator)"
    }
}
