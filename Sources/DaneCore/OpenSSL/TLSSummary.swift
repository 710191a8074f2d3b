/// What a finished TLS handshake established, read from OpenSSL: what posttls-finger users read
/// first (protocol, cipher, key exchange, the server's signature and its digest, the
/// certificate's key), the chain as sent, and the verification result.
public struct TLSSummary: Sendable, Hashable {
    public let version: String
    public let cipher: String
    /// The key-exchange group (X25519, P-256, …), nil when OpenSSL does not say.
    public let group: String?
    /// The server's handshake signature: its algorithm (RSA-PSS, ECDSA, Ed25519, RSA) and digest.
    public let signatureAlgorithm: String?
    public let signatureDigest: String?
    /// The server certificate's key: its type (RSA, EC, ED25519, …), size in bits, EC curve.
    public let keyType: String?
    public let keyBits: Int?
    public let keyCurve: String?
    /// The chain as the server sent it, leaf first.
    public let chain: [PeerCertificate]
    /// OpenSSL's verification result (X509_V_OK is 0) and its words.
    public let verifyCode: Int
    public let verifyError: String?
    /// Set when DANE verification succeeded: the TLSA record OpenSSL matched and the depth of the
    /// certificate it matched (SSL_get0_dane_tlsa).
    public let daneMatch: DANEMatch?

    public init(version: String, cipher: String, group: String? = nil, signatureAlgorithm: String? = nil,
                signatureDigest: String? = nil, keyType: String? = nil, keyBits: Int? = nil, keyCurve: String? = nil,
                chain: [PeerCertificate], verifyCode: Int, verifyError: String?, daneMatch: DANEMatch?) {
        self.version = version
        self.cipher = cipher
        self.group = group
        self.signatureAlgorithm = signatureAlgorithm
        self.signatureDigest = signatureDigest
        self.keyType = keyType
        self.keyBits = keyBits
        self.keyCurve = keyCurve
        self.chain = chain
        self.verifyCode = verifyCode
        self.verifyError = verifyError
        self.daneMatch = daneMatch
    }

    /// "TLSv1.3 TLS_AES_256_GCM_SHA384, key exchange X25519, server signature ECDSA with SHA256,
    /// certificate key EC P-256 (256 bits)".
    public var line: String {
        var parts = ["\(version) \(cipher)"]
        if let group { parts.append("key exchange \(group)") }
        if let signatureAlgorithm { parts.append("server signature \(signatureAlgorithm)\(signatureDigest.map { " with \($0)" } ?? "")") }
        if let keyType {
            parts.append("certificate key \(keyType)\(keyCurve.map { " \($0)" } ?? "")\(keyBits.map { " (\($0) bits)" } ?? "")")
        }
        return parts.joined(separator: ", ")
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
