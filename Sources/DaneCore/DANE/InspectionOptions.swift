/// Which TLSA lookups the DNS walk makes.
public struct InspectionOptions: Sendable, Hashable {
    /// False: no TLSA lookups at all (Momentum's `use_dane` off).
    public let lookUpTLSA: Bool
    /// False: no TLSA lookups for hosts reached through an insecure MX RRset (Momentum's
    /// `use_dane` needs the MX and address records secure; RFC 7672 §2.2.1 allows skipping DANE).
    public let tlsaUnderInsecureMX: Bool

    public init(lookUpTLSA: Bool = true, tlsaUnderInsecureMX: Bool = true) {
        self.lookUpTLSA = lookUpTLSA
        self.tlsaUnderInsecureMX = tlsaUnderInsecureMX
    }

    /// `danecheck domain`: report every TLSA RRset the host rules allow.
    public static let report = InspectionOptions()
}
