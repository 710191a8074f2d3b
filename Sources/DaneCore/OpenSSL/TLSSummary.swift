/// What a finished TLS handshake established, read from OpenSSL.
public struct TLSSummary: Sendable, Hashable {
    public let version: String
    public let cipher: String
    /// The chain as the server sent it, leaf first.
    public let chain: [PeerCertificate]
    /// OpenSSL's verification result (X509_V_OK is 0) and its words.
    public let verifyCode: Int
    public let verifyError: String?
    /// Set when DANE verification succeeded: the TLSA record OpenSSL matched and the depth of the
    /// certificate it matched (SSL_get0_dane_tlsa).
    public let daneMatch: DANEMatch?

    public init(version: String, cipher: String, chain: [PeerCertificate], verifyCode: Int, verifyError: String?,
                daneMatch: DANEMatch?) {
        self.version = version
        self.cipher = cipher
        self.chain = chain
        self.verifyCode = verifyCode
        self.verifyError = verifyError
        self.daneMatch = daneMatch
    }
}

/// The record OpenSSL's DANE verification matched, and where.
public struct DANEMatch: Sendable, Hashable {
    public let record: TLSARecord
    public let depth: Int

    public init(record: TLSARecord, depth: Int) {
        self.record = record
        self.depth = depth
    }
}
