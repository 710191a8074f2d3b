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
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path)
        }
        return try read(Array(data), source: path)
    }

    /// The certificates of PEM text (anything between them ignored, as OpenSSL reads a file);
    /// `source` names it in errors.
    public static func read(_ pem: [UInt8], source: String) throws(Failure) -> [PeerCertificate] {
        var chain: [PeerCertificate] = []
        pem.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let bio = BIO_new_mem_buf(base, Int32(clamping: buffer.count)) else { return }
            defer { BIO_free(bio) }
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                chain.append(CertificateReader.read(certificate, depth: chain.count))
                X509_free(certificate)
            }
        }
        ERR_clear_error()  // the end of the text reads as an error
        guard !chain.isEmpty else { throw .noCertificates(source) }
        return chain
    }
}
