/// Which TLSA lookups the DNS walk makes.
public struct InspectionOptions: Sendable, Hashable {
    /// False: no TLSA lookups at all (Momentum's `use_dane` off).
    public let lookUpTLSA: Bool
    /// False: no TLSA lookups for hosts reached through an insecure MX RRset (Momentum's
    /// `use_dane` needs the MX and address records secure; RFC 7672 §2.2.1 allows skipping DANE).
    public let tlsaUnderInsecureMX: Bool

    /// True: ask for TLSA at the host name at the same time as its addresses, saving a round
    /// trip; the answer is used only where §2.2.3 allows (`check`, where speed counts). False:
    /// TLSA is asked only once the address records are known secure (`domain`, which shows
    /// every query of the RFC's order with --debug dns).
    public let speculativeTLSA: Bool

    public init(lookUpTLSA: Bool = true, tlsaUnderInsecureMX: Bool = true, speculativeTLSA: Bool = false) {
        self.lookUpTLSA = lookUpTLSA
        self.tlsaUnderInsecureMX = tlsaUnderInsecureMX
        self.speculativeTLSA = speculativeTLSA
    }

    /// `danecheck domain`: report every TLSA RRset the host rules allow.
    public static let report = InspectionOptions()
}
