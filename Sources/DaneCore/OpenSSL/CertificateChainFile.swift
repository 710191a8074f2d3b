import COpenSSL
import Foundation

/// Reads a PEM chain file (the leaf first, then the certificates above it).
public enum CertificateChainFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        case noCertificates(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read certificate file \(path)"
            case .noCertificates(let path): "\(path) holds no PEM certificate"
            }
        }
    }

    public static func load(_ path: String) throws(Failure) -> [PeerCertificate] {
        guard FileManager.default.isReadableFile(atPath: path), let bio = BIO_new_file(path, "r") else {
            throw .unreadable(path)
        }
        defer { BIO_free(bio) }
        var chain: [PeerCertificate] = []
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
            chain.append(CertificateReader.read(certificate, depth: chain.count))
            X509_free(certificate)
        }
        ERR_clear_error()  // the end of the file reads as an error
        guard !chain.isEmpty else { throw .noCertificates(path) }
        return chain
    }
}
