/// What one domain asks of one address: the SNI, whether STARTTLS is sent, the signature
/// algorithms offered, and how the chain is to be verified. Only the first three shape the
/// connection (`evidence`): a run makes that probe once per address and judges its chain for
/// every domain's verification offline (`ProbeJudgement`).
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
    /// Offer only this kind's signature algorithms (a server's other certificate); nil: the
    /// default offer, whose certificate the verdict follows.
    public let offer: CertificateKeyType?

    public init(serverName: DNSName, verification: Verification, startTLS: Bool = true, offer: CertificateKeyType? = nil) {
        self.serverName = serverName
        self.verification = verification
        self.startTLS = startTLS
        self.offer = offer
    }

    /// The connection alone, without the verification: equal for every domain that reaches the
    /// host under the same name, so one probe serves them all.
    public var evidence: ProbeRequest {
        ProbeRequest(serverName: serverName, verification: .none, startTLS: startTLS, offer: offer)
    }

    /// The same request offering only `keyType`'s signature algorithms.
    public func offering(_ keyType: CertificateKeyType) -> ProbeRequest {
        ProbeRequest(serverName: serverName, verification: verification, startTLS: startTLS, offer: keyType)
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
    var tlsSetup: TLSSetup { TLSSetup(serverName: serverName, pkix: pkix, dane: dane, offer: offer) }
}
