@testable import DaneCore

/// Certificate chains as users hand them over (`tlsa create --cert`, `tlsa verify --cert`).
enum CertificateTargets {
    static func pemChain(_ bytes: [UInt8]) {
        guard let chain = try? CertificateChainFile.read(bytes, source: "fuzz") else { return }
        for certificate in chain { _ = certificate.subject }
    }
}
