import Foundation

/// Probes every address of one MX host at once and judges each under the host's DANE policy.
public struct HostProber: Sendable {
    public let prober: SMTPProber
    public let port: UInt16
    /// When set, every host report carries its rollover-health warnings.
    public let rollover: RolloverSettings?
    /// One probe per (address, request) per run: many domains share MX hosts.
    private let cache = ProbeCache()
    private let trust: LazyPKIXTrustCheck?

    /// The clock rollover health reads certificate dates against.
    private let now: @Sendable () -> Date

    public init(prober: SMTPProber, port: UInt16 = 25, rollover: RolloverSettings? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.prober = prober
        self.port = port
        self.rollover = rollover
        self.now = now
        // The system's store unless a CA file was given (and loaded) for the public CAs.
        trust = rollover.map { $0.publicCAs == nil ? LazyPKIXTrustCheck(caFile: nil) : LazyPKIXTrustCheck(loaded: $0.publicCAs) }
    }

    public func probe(name: DNSName?, host: HostReport?, policy: DANEPolicy, records: [TLSARecord],
                      recordsGiven: Bool, addresses: [IPAddress]) async -> HostProbeReport {
        let request = policy.request(host: name ?? DNSName(dnsText: "."))
        let unusable: Bool = if case .unusable = policy { true } else { false }
        let time = now()
        let reports = await addresses.concurrentMap { [prober, port, cache] address in
            // An unusable host (a failed TLSA or address lookup) is not connected to (RFC 7672 §2.1.2).
            let probe = unusable ? AddressProbe.notAttempted(address, port: port, at: time)
                : await cache.probe(address, port: port, request: request) { await prober.probe(address, port: port, request: request) }
            let (verdict, reason) = AddressVerdictRule.evaluate(policy, probe)
            return AddressReport(probe: probe, verdict: verdict, reason: reason,
                                 marks: RecordMarker.mark(records, tls: probe.tls, refused: probe.refusedRecords))
        }
        let report = HostProbeReport(host: host, name: name, policy: policy, records: records, recordsGiven: recordsGiven,
                                     addresses: reports)
        guard let rollover else { return report }
        // The public CA store is loaded (off the cooperative threads) only if the rule asks about it.
        var asked = false
        let warnings = RolloverHealthRule.evaluate(report, settings: rollover, now: time) { _ in
            asked = true
            return false
        }
        guard asked, let store = await trust?.load() else { return report.with(warnings: warnings) }
        return report.with(warnings: RolloverHealthRule.evaluate(report, settings: rollover, now: time) { store.trusts($0) })
    }

    /// Probes every address of a host found by `DomainInspector` under `policy` (by default the
    /// one its DNS facts give).
    public func probe(_ host: HostReport, policy: DANEPolicy? = nil, nextHop: DNSName? = nil) async -> HostProbeReport {
        await probe(name: host.name, host: host, policy: policy ?? .of(host, nextHop: nextHop),
                    records: host.tlsa.entries.compactMap(\.record), recordsGiven: false,
                    addresses: host.addresses.map(\.address))
    }
}
