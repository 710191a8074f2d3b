import COpenSSL
import Foundation

/// Whether a certificate leads to a CA of a PKIX store (the system's, or a CA file): how a
/// DANE-TA anchor is recognised as a public CA. Validity dates are not checked here.
final class PKIXTrustCheck: @unchecked Sendable {
    private let store: OpaquePointer
    private let lock = NSLock()

    init(caFile: String?) throws(OpenSSLError) {
        OpenSSLError.clear()
        guard let store = X509_STORE_new() else { throw OpenSSLError.drain("X509_STORE_new") }
        self.store = store
        let loaded = caFile.map { X509_STORE_load_file(store, $0) } ?? X509_STORE_set_default_paths(store)
        guard loaded == 1 else { throw OpenSSLError.drain("loading the CA store \(caFile ?? "(system)")") }
    }

    deinit { X509_STORE_free(store) }

    /// `chain`: the certificate to judge first, then the certificates above it as sent.
    func trusts(_ chain: [PeerCertificate]) -> Bool {
        lock.withLock {
            X509ChainVerification.run(chain, store: store) { context in
                X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(context), UInt(X509_V_FLAG_NO_CHECK_TIME))
            }?.verified ?? false
        }
    }
}
