/// The TLSA side of one MX host: where it was looked up and what was found (RFC 7672 §2.2.3).
public struct TLSAReport: Sendable, Hashable {
    /// Why TLSA was not looked up (nil when it was).
    public let skipped: String?
    /// The TLSA base domains tried, in order; `attempts[i]` is the lookup at `candidates[i]`.
    public let candidates: [DNSName]
    /// Explains a CNAME-driven choice of base domain.
    public let note: String?
    /// The lookups made, in order: a secure denial at the expanded name is followed by the
    /// lookup at the original name. The last one decides.
    public let attempts: [Lookup]

    public init(skipped: String?, note: String?, candidates: [DNSName] = [], attempts: [Lookup]) {
        self.skipped = skipped
        self.candidates = candidates
        self.note = note
        self.attempts = attempts
    }

    /// The lookup that decides, nil when TLSA was not looked up.
    public var final: Lookup? { attempts.last }

    /// The TLSA base domain of the deciding lookup (RFC 7672 §2.2.3): SNI and reference identifier.
    public var baseDomain: DNSName? { attempts.isEmpty ? nil : candidates[attempts.count - 1] }

    /// The records of the deciding lookup, each with its usability for SMTP.
    public var entries: [TLSAEntry] { final?.tlsaEntries ?? [] }

    /// Secure records of which at least one is usable: DANE authentication is required (§2.2).
    public var hasUsableRecords: Bool {
        final?.isSecure == true && entries.contains { $0.usability.isUsable }
    }
}
