/// The kinds of server certificate an MTA may hold side by side (Postfix `smtpd_tls_cert_file`
/// and `smtpd_tls_eccert_file`, Exim, Momentum): which one a client gets depends on the
/// signature algorithms it offers. A handshake can offer only one kind's algorithms.
public enum CertificateKeyType: String, Sendable, Hashable, CaseIterable {
    case rsa = "RSA"
    case ecdsa = "ECDSA"

    /// The signature algorithms offered for this kind alone (SSL_set1_sigalgs_list): RSA-PSS with
    /// an rsaEncryption key (all TLS 1.3 allows for RSA) and PKCS#1 v1.5 (TLS 1.2); ECDSA.
    var signatureAlgorithms: String {
        switch self {
        case .rsa: "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512"
        case .ecdsa: "ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512"
        }
    }

    /// The kind of a certificate key as `TLSSummary.keyType` names it (OpenSSL's key type
    /// names: "RSA", "RSA-PSS", "EC"); nil for any other (Ed25519, …).
    public init?(keyTypeName: String?) {
        switch keyTypeName {
        case "RSA", "RSA-PSS": self = .rsa
        case "EC": self = .ecdsa
        default: return nil
        }
    }
}
