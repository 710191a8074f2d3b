/// Everything that decides how one address is probed; equal requests to one address give equal
/// results, so a run probes each (address, request) once.
public struct ProbeRequest: Sendable, Hashable {
    public enum Verification: Sendable, Hashable {
        case none
        case dane(DANEExpectation)
        case pkix(PKIXExpectation)
    }

    /// SNI: the TLSA base domain under DANE (RFC 7672 §8.1), else the MX host name.
    public let serverName: DNSName
    public let verification: Verification
    /// False when policy forbids TLS (`--tls disabled` without DANE): no STARTTLS is sent.
    public let startTLS: Bool

    public init(serverName: DNSName, verification: Verification, startTLS: Bool = true) {
        self.serverName = serverName
        self.verification = verification
        self.startTLS = startTLS
    }

    public var dane: DANEExpectation? {
        if case .dane(let expectation) = verification { return expectation }
        return nil
    }

    public var pkix: PKIXExpectation? {
        if case .pkix(let expectation) = verification { return expectation }
        return nil
    }

    /// How the TLS session after STARTTLS is set up.
    var tlsSetup: TLSSetup { TLSSetup(serverName: serverName, pkix: pkix, dane: dane) }
}
