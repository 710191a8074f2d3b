/// How a TLS client session is set up before its handshake: the SNI it sends, the PKIX check
/// of the server's name and chain, the DANE verification OpenSSL is to make.
public struct TLSSetup: Sendable, Hashable {
    /// SNI (RFC 6066 §3: never sent for an address literal or the root).
    public let serverName: DNSName
    public let pkix: PKIXExpectation?
    public let dane: DANEExpectation?

    public init(serverName: DNSName, pkix: PKIXExpectation? = nil, dane: DANEExpectation? = nil) {
        self.serverName = serverName
        self.pkix = pkix
        self.dane = dane
    }
}
