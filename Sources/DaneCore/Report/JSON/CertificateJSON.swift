import Foundation

/// One certificate of a chain (schema `certificate`).
public struct CertificateJSON: Codable, Sendable, Equatable {
    public let depth: Int
    public let subject: String
    public let issuer: String
    public let notBefore: String?
    public let notAfter: String?
    public let names: [String]
    public let sha256: String
    public let spkiSHA256: String
    /// The certificate as PEM, with `probe --show-chain`.
    public let pem: String?

    enum CodingKeys: String, CodingKey {
        case depth, subject, issuer, notBefore = "not_before", notAfter = "not_after", names, sha256, spkiSHA256 = "spki_sha256", pem
    }

    public init(_ certificate: PeerCertificate, pem: Bool = false) {
        depth = certificate.depth
        subject = certificate.subject
        issuer = certificate.issuer
        notBefore = certificate.notBefore.map(TimeFormat.timestamp)
        notAfter = certificate.notAfter.map(TimeFormat.timestamp)
        names = certificate.names
        sha256 = certificate.sha256Certificate
        spkiSHA256 = certificate.sha256PublicKey
        self.pem = pem ? certificate.pem : nil
    }
}
