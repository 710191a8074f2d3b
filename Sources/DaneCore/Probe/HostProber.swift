import Foundation

/// Probes every address of one MX host at once and judges each under the host's DANE policy:
/// one probe per (address, port, SNI, STARTTLS, key type) per run, its chain judged offline for
/// each domain (`ProbeJudgement`), so a DANE-TA host shared by many domains is shaken hands with
/// once, not once per next-hop domain.
public struct HostProber: Sendable {
    public let prober: SMTPProber
    public let port: UInt16
    /// When set, every host report carries its rollover-health warnings.
    public let rollover: RolloverSettings?
    /// `all`: after the default handshake, one per other certificate key type (RSA, ECDSA).
    public let keyTypes: KeyTypeSelection
    /// One probe per (address, request) per run: many domains share MX hosts.
    private let cache = ProbeCache()
    private let trust: LazyPKIXTrustCheck?

    /// The clock rollover health reads certificate dates against.
    private let now: @Sendable () -> Date

    public init(prober: SMTPProber, port: UInt16 = 25, rollover: RolloverSettings? = nil, keyTypes: KeyTypeSelection = .all,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.prober = prober
        self.port = port
        self.rollover = rollover
        self.keyTypes = keyTypes
        self.now = now
        // The system's store unless a CA file was given (and loaded) for the public CAs.
        trust = rollover.map { $0.publicCAs == nil ? LazyPKIXTrustCheck(caFile: nil) : LazyPKIXTrustCheck(loaded: $0.publicCAs) }
    }

    public func probe(name: DNSName?, host: HostReport?, policy: DANEPolicy, records: [TLSARecord],
                      recordsGiven: Bool, addresses: [IPAddress]) async -> HostProbeReport {
        let request = policy.request(host: name ?? DNSName(dnsText: "."))
        let unusable: Bool = if case .unusable = policy { true } else { false }
        let time = now()
        if let pkix = request.pkix {  // its CA store is loaded once, off the cooperative threads
            await BlockingWork.run(cancelled: ()) { _ = try? TLSClientContext.shared(pkix: pkix) }
        }
        let reports = await addresses.concurrentMap { [self] address in
            // An unusable host (a failed TLSA or address lookup) is not connected to (RFC 7672 §2.1.2).
            let probe = unusable ? AddressProbe.notAttempted(address, port: port, at: time) : await judged(address, request)
            let (verdict, reason) = AddressVerdictRule.evaluate(policy, probe)
            return AddressReport(probe: probe, verdict: verdict, reason: reason,
                                 marks: RecordMarker.mark(records, tls: probe.tls, refused: probe.refusedRecords),
                                 keyTypes: await otherKeyTypes(address, request, policy: policy, records: records, after: probe))
        }
        let keyTypeWarnings = KeyTypeWarnings.of(reports, host: name)
        let report = HostProbeReport(host: host, name: name, policy: policy, records: records, recordsGiven: recordsGiven,
                                     addresses: reports, warnings: keyTypeWarnings)
        guard let rollover else { return report }
        // The public CA store is loaded (off the cooperative threads) only if the rule asks about it.
        var asked = false
        let warnings = RolloverHealthRule.evaluate(report, settings: rollover, now: time) { _ in
            asked = true
            return false
        }
        guard asked, let store = await trust?.load() else { return report.with(warnings: keyTypeWarnings + warnings) }
        return report.with(warnings: keyTypeWarnings + RolloverHealthRule.evaluate(report, settings: rollover, now: time) { store.trusts($0) })
    }

    /// The address's evidence for this connection (made once per run, however many domains ask),
    /// judged for this request.
    private func judged(_ address: IPAddress, _ request: ProbeRequest) async -> AddressProbe {
        let evidence = request.evidence
        let probe = await cache.probe(address, port: port, request: evidence) { [prober, port] in
            await prober.probe(address, port: port, request: evidence)
        }
        return ProbeJudgement.judge(probe, for: request)
    }

    /// After a default handshake, one per other key type (`keyTypes` all), judged the same way:
    /// only when the policy has a chain to judge and the default handshake got one.
    private func otherKeyTypes(_ address: IPAddress, _ request: ProbeRequest, policy: DANEPolicy, records: [TLSARecord],
                               after probe: AddressProbe) async -> [KeyTypeReport] {
        guard keyTypes == .all, request.startTLS, let tls = probe.tls, KeyTypeRule.applies(to: policy) else { return [] }
        let held = CertificateKeyType(keyTypeName: tls.keyType)
        return await CertificateKeyType.allCases.filter { $0 != held }.concurrentMap { [self] keyType in
            let other = await judged(address, request.offering(keyType))
            return KeyTypeReport(keyType: keyType, probe: other, finding: KeyTypeRule.evaluate(keyType, other, policy: policy),
                                 marks: RecordMarker.mark(records, tls: other.tls, refused: other.refusedRecords))
        }
    }

    /// Probes every address of a host found by `DomainInspector` under `policy` (by default the
    /// one its DNS facts give).
    public func probe(_ host: HostReport, policy: DANEPolicy? = nil, nextHop: DNSName? = nil) async -> HostProbeReport {
        await probe(name: host.name, host: host, policy: policy ?? .of(host, nextHop: nextHop),
                    records: host.tlsa.entries.compactMap(\.record), recordsGiven: false,
                    addresses: host.addresses.map(\.address))
    }
}
