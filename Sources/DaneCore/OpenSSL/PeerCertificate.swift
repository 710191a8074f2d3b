import Foundation

/// One certificate of the chain a server sent, with the digests TLSA records are made of.
public struct PeerCertificate: Sendable, Hashable {
    /// 0 for the server's own certificate, then up the chain as sent.
    public let depth: Int
    public let subject: String
    public let issuer: String
    public let notBefore: Date?
    public let notAfter: Date?
    /// DNS names in the subjectAltName (or the CN when there are none).
    public let names: [String]
    /// DER of the certificate (TLSA selector 0) and of its SubjectPublicKeyInfo (selector 1).
    public let certificateDER: [UInt8]
    public let publicKeyDER: [UInt8]
    /// A CA certificate (basicConstraints CA:TRUE, X509_check_ca).
    public var isCA: Bool = false

    /// The data a TLSA record with this selector and matching type would carry for this certificate
    /// (RFC 6698 §2.1.2-2.1.3), nil for unknown values. For explanations and for making records
    /// (`tlsa create`, which has OpenSSL verify each one): authentication is OpenSSL's verdict,
    /// never this comparison.
    public func associationData(selector: UInt8, matchingType: UInt8) -> [UInt8]? {
        let source: [UInt8]
        switch selector {
        case 0: source = certificateDER
        case 1: source = publicKeyDER
        default: return nil
        }
        switch matchingType {
        case 0: return source
        case 1: return Digest.sha256(source)
        case 2: return Digest.sha512(source)
        default: return nil
        }
    }

    /// The certificate as PEM (RFC 7468 §5.1: base64 in lines of 64), ending in a line end.
    public var pem: String {
        let base64 = Data(certificateDER).base64EncodedString()
        var lines = ["-----BEGIN CERTIFICATE-----"]
        var rest = Substring(base64)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        lines.append("-----END CERTIFICATE-----")
        return lines.joined(separator: "\n") + "\n"
    }

    public var sha256Certificate: String { Digest.hex(Digest.sha256(certificateDER)) }
    public var sha256PublicKey: String { Digest.hex(Digest.sha256(publicKeyDER)) }
}
