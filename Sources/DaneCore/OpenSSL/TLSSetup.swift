import COpenSSL

/// How a TLS client session is set up before its handshake: the SNI it sends, the signature
/// algorithms it offers, the PKIX check of the server's name and chain, the DANE verification
/// OpenSSL is to make. The same setup verifies a chain offline (`DANEChainVerifier`).
public struct TLSSetup: Sendable, Hashable {
    /// SNI (RFC 6066 §3: never sent for an address literal or the root).
    public let serverName: DNSName
    public let pkix: PKIXExpectation?
    public let dane: DANEExpectation?
    /// Offer only this kind's signature algorithms; nil: OpenSSL's default offer.
    public let offer: CertificateKeyType?

    public init(serverName: DNSName, pkix: PKIXExpectation? = nil, dane: DANEExpectation? = nil,
                offer: CertificateKeyType? = nil) {
        self.serverName = serverName
        self.pkix = pkix
        self.dane = dane
        self.offer = offer
    }

    /// Configures `ssl` (made from `TLSClientContext.shared(pkix:)`); returns the TLSA records
    /// OpenSSL would not take (SSL_dane_tlsa_add returned 0): unusable, reported as such.
    func configure(_ ssl: OpaquePointer) throws(OpenSSLError) -> [TLSARecord] {
        // RFC 6066 §3: SNI carries host names only, never an address literal.
        if serverName.absolute != ".", !IPAddress.isLiteral(serverName.text) {
            _ = copenssl_set_tlsext_host_name(ssl, serverName.text)
        }
        if let offer, copenssl_set1_sigalgs_list(ssl, offer.signatureAlgorithms) != 1 {
            throw OpenSSLError.drain("SSL_set1_sigalgs_list")
        }
        if let hostname = pkix?.hostname {
            SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            guard SSL_set1_host(ssl, hostname.text) == 1 else { throw OpenSSLError.drain("SSL_set1_host") }
        }
        guard let dane else { return [] }
        return try OpenSSLDANE.enable(ssl, dane)
    }
}
