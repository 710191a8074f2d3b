import COpenSSL

/// One X509_verify_cert run: the chain's first certificate against a store, the others as
/// untrusted intermediates. `configure` sets up the store context (purpose, parameters, DANE)
/// before the verification. Shared by `DANEChainVerifier` and `PKIXTrustCheck`.
enum X509ChainVerification {
    /// Whether the chain verified and OpenSSL's verification code; nil when it could not be set up.
    static func run(_ chain: [PeerCertificate], store: OpaquePointer,
                    configure: (OpaquePointer) -> Void = { _ in }) -> (verified: Bool, code: Int32)? {
        let certificates = chain.compactMap { X509DecodeCache.shared.handle(der: $0.certificateDER) }
        guard let leaf = certificates.first, certificates.count == chain.count else { return nil }
        // The store context and the stack only borrow the certificates: their owners live until
        // the context is freed, at the end of this block.
        return withExtendedLifetime(certificates) { () -> (verified: Bool, code: Int32)? in
            guard let context = X509_STORE_CTX_new() else { return nil }
            defer { X509_STORE_CTX_free(context) }
            guard let untrusted = copenssl_sk_X509_new() else { return nil }
            defer { copenssl_sk_X509_free(untrusted) }
            for certificate in certificates.dropFirst() { _ = copenssl_sk_X509_push(untrusted, certificate.pointer) }
            guard X509_STORE_CTX_init(context, store, leaf.pointer, untrusted) == 1 else {
                ERR_clear_error()
                return nil
            }
            configure(context)
            let verified = X509_verify_cert(context) == 1
            let code = X509_STORE_CTX_get_error(context)
            ERR_clear_error()
            return (verified, code)
        }
    }
}
