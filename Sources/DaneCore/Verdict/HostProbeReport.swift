/// A probed MX host: its DNS facts, the DANE policy they give, and every address's verdict.
public struct HostProbeReport: Sendable, Hashable {
    /// Where the host's addresses and TLSA records came from; nil when probing `[IP]` with given records.
    public let host: HostReport?
    public let name: DNSName?
    public let policy: DANEPolicy
    /// The TLSA records compared with each chain: from DNS, or given with --tlsa.
    public let records: [TLSARecord]
    /// True when the records were given on the command line, not looked up.
    public let recordsGiven: Bool
    public let addresses: [AddressReport]
    /// Rollover health (RFC 7671 §8): warnings that change no verdict.
    public let warnings: [RolloverWarning]
    /// MTA-STS testing mode: what the policy would have changed for this host (RFC 8461 §5).
    public let mtaSTSNote: String?
    /// Why no DNSSEC status is known (the resolvers do not validate): the host's verdict is unknown.
    public let unvalidated: String?

    public init(host: HostReport?, name: DNSName?, policy: DANEPolicy, records: [TLSARecord], recordsGiven: Bool,
                addresses: [AddressReport], warnings: [RolloverWarning] = [], mtaSTSNote: String? = nil,
                unvalidated: String? = nil) {
        self.host = host
        self.name = name
        self.policy = policy
        self.records = records
        self.recordsGiven = recordsGiven
        self.addresses = addresses
        self.warnings = warnings
        self.mtaSTSNote = mtaSTSNote
        self.unvalidated = unvalidated
    }

    /// The same report with rollover warnings attached.
    public func with(warnings: [RolloverWarning]) -> HostProbeReport {
        HostProbeReport(host: host, name: name, policy: policy, records: records, recordsGiven: recordsGiven,
                        addresses: addresses, warnings: warnings, mtaSTSNote: mtaSTSNote, unvalidated: unvalidated)
    }

    /// The same report with an MTA-STS testing-mode note.
    public func with(mtaSTSNote: String?) -> HostProbeReport {
        HostProbeReport(host: host, name: name, policy: policy, records: records, recordsGiven: recordsGiven,
                        addresses: addresses, warnings: warnings, mtaSTSNote: mtaSTSNote, unvalidated: unvalidated)
    }

    /// The address mail goes through: an MTA tries the addresses in turn, so the first that
    /// delivers; nil when none does.
    public var deliveringAddress: AddressReport? { addresses.first { $0.verdict.delivers } }

    /// The same report, judged without knowing any DNSSEC status (`unvalidated` says why).
    public func with(unvalidated: String?) -> HostProbeReport {
        HostProbeReport(host: host, name: name, policy: policy, records: records, recordsGiven: recordsGiven,
                        addresses: addresses, warnings: warnings, mtaSTSNote: mtaSTSNote, unvalidated: unvalidated)
    }

    /// The host's verdict and its cause: the delivering address's; when none delivers, the host
    /// defers.
    public var judged: (verdict: Verdict, cause: HostCause) {
        if let unvalidated { return (.unknown, .unvalidated(unvalidated)) }
        if hostDoesNotExist { return (.undeliverable, .doesNotExist(noAddressReason)) }
        if let good = deliveringAddress { return (good.verdict, .delivers(good)) }
        if case .unusable(let reason) = policy { return (.defer, .unusable(reason)) }
        guard let first = addresses.first else { return (.defer, .noAddress(noAddressReason)) }
        return (.defer, .deferred(first))
    }

    /// The host's verdict and its cause in one line.
    public var verdict: (Verdict, String) {
        let (verdict, cause) = judged
        return (verdict, cause.description)
    }

    /// Why there is no address: the address lookups' own outcome when DNS said why.
    var noAddressReason: String {
        guard let host else { return "no address to connect to" }
        if let failed = host.addressLookups.first(where: \.status.isFailure) { return failed.failureLine }
        if host.addressLookups.allSatisfy({ $0.answer == .nxDomain }) { return "\(host.name.text) does not exist (NXDOMAIN)" }
        return "no address to connect to"
    }

    /// True when the host does not exist (NXDOMAIN for its addresses).
    public var hostDoesNotExist: Bool {
        guard let host, !host.addressLookups.isEmpty else { return false }
        return host.addressLookups.allSatisfy { $0.answer == .nxDomain }
    }

    /// True when some address would defer mail.
    public var anyDeferred: Bool { addresses.contains { $0.verdict == .defer } || addresses.isEmpty }

    /// True when the host cannot be used because a DNS lookup got no answer (resolver
    /// unreachable, DNS timeout, unexplained SERVFAIL), not because of what was answered: no
    /// address and an address lookup indeterminate, or the host unusable and its TLSA lookup
    /// indeterminate. An SMTP timeout is an answer: defer.
    public var isIndeterminate: Bool {
        guard let host else { return false }
        let noAddress = host.addresses.isEmpty && host.addressLookups.contains { $0.status == .indeterminate }
        var tlsaFailed = false
        if case .unusable = policy { tlsaFailed = host.tlsa.final?.status == .indeterminate }
        return noAddress || tlsaFailed
    }

    /// The host's verdict and reason, and how a probe of it ends: no mail when the host does not
    /// exist, deferred when any address defers (indeterminate when a DNS lookup is why).
    public var outcome: Outcome {
        let (verdict, reason) = self.verdict
        let exitClass: ExitClass = unvalidated != nil ? .indeterminate : hostDoesNotExist ? .noMail
            : !anyDeferred ? .ok : isIndeterminate ? .indeterminate : .deferred
        return Outcome(verdict: verdict, reason: reason, exitClass: exitClass)
    }
}
