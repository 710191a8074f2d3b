/// What local validation knows about a zone: whether its keys are trusted (secure), provably
/// not signed from the anchor (insecure), broken (bogus) or unknown (indeterminate); the
/// trusted DNSKEYs; the steps from the anchor that led here.
struct ZoneTrust: Sendable {
    let zone: DNSName
    let status: SecurityStatus
    let reason: String?
    /// The trusted zone keys, parsed once (secure zones only; empty otherwise).
    let keys: LDNSRRList
    let steps: [ChainStep]

    static func failed(_ zone: DNSName, _ status: SecurityStatus, _ reason: String, steps: [ChainStep]) -> ZoneTrust {
        ZoneTrust(zone: zone, status: status, reason: reason, keys: LDNSRRList(), steps: steps)
    }
}
