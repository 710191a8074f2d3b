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
            if unusable {
                let probe = AddressProbe.notAttempted(address, port: port, at: time)
                let (verdict, cause) = AddressVerdictRule.evaluate(policy, probe)
                return AddressReport(probe: probe, verdict: verdict, cause: cause, marks: RecordMarker.mark(records, tls: nil, refused: []))
            }
            // The handshakes offering one key type run beside the default one (no round trip
            // added); when the default one got no TLS session they are not waited for.
            async let others = offered(address, request, policy: policy)
            let probe = await judged(address, request)
            let (verdict, cause) = AddressVerdictRule.evaluate(policy, probe)
            let marks = RecordMarker.mark(records, tls: probe.tls, refused: probe.refusedRecords)
            // Without a TLS session the others are not waited for: returning cancels them.
            guard probe.tls != nil else { return AddressReport(probe: probe, verdict: verdict, cause: cause, marks: marks) }
            return AddressReport(probe: probe, verdict: verdict, cause: cause, marks: marks,
                                 keyTypes: Self.otherKeyTypes(await others, after: probe, policy: policy, records: records))
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

    /// With `keyTypes` all, for a policy with a chain to judge: one probe per key type, each
    /// offering only its signature algorithms, judged like the default one.
    private func offered(_ address: IPAddress, _ request: ProbeRequest, policy: DANEPolicy) async -> [(CertificateKeyType, AddressProbe)] {
        guard keyTypes == .all, request.startTLS, KeyTypeRule.applies(to: policy) else { return [] }
        return await CertificateKeyType.allCases.concurrentMap { [self] keyType in (keyType, await judged(address, request.offering(keyType))) }
    }

    /// The key types other than the default handshake's certificate's, when it got one.
    private static func otherKeyTypes(_ offered: [(CertificateKeyType, AddressProbe)], after probe: AddressProbe,
                                      policy: DANEPolicy, records: [TLSARecord]) -> [KeyTypeReport] {
        guard let tls = probe.tls else { return [] }
        let held = CertificateKeyType(keyTypeName: tls.keyType)
        return offered.filter { $0.0 != held }.map { keyType, other in
            KeyTypeReport(keyType: keyType, probe: other, finding: KeyTypeRule.evaluate(keyType, other, policy: policy),
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
