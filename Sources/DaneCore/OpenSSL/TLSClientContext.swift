import COpenSSL
import Foundation

/// Owns an SSL_CTX for SMTP client connections with OpenSSL's DANE support enabled.
/// Verification runs but never aborts the handshake (SSL_VERIFY_NONE): the result is read
/// afterwards, so a failure can be reported with its cause.
final class TLSClientContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// `pkix`: load a CA store for PKIX verification, `caFile` or the system's default paths.
    init(pkix: PKIXExpectation? = nil) throws(OpenSSLError) {
        OpenSSLError.clear()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw OpenSSLError.drain("SSL_CTX_new") }
        pointer = context
        guard SSL_CTX_dane_enable(context) > 0 else { throw OpenSSLError.drain("SSL_CTX_dane_enable") }
        if let pkix {
            let loaded = pkix.caFile.map { SSL_CTX_load_verify_locations(context, $0, nil) }
                ?? SSL_CTX_set_default_verify_paths(context)
            guard loaded == 1 else { throw OpenSSLError.drain("loading the CA store \(pkix.caFile ?? "(system)")") }
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        _ = copenssl_ctx_set_min_proto_version(context, TLS1_VERSION)
    }

    deinit { SSL_CTX_free(pointer) }

    nonisolated(unsafe) private static var contexts: [PKIXExpectation?: TLSClientContext] = [:]
    private static let lock = NSLock()

    /// One context per CA store for the whole run (an SSL_CTX serves concurrent SSL_new calls):
    /// a batch does not rebuild it, or reload a CA bundle, for every probe.
    static func shared(pkix: PKIXExpectation?) throws(OpenSSLError) -> TLSClientContext {
        let key = pkix.map { PKIXExpectation(caFile: $0.caFile, hostname: nil) }
        if let context = lock.withLock({ contexts[key] }) { return context }
        let context = try TLSClientContext(pkix: key)
        return lock.withLock {
            if let existing = contexts[key] { return existing }
            contexts[key] = context
            return context
        }
    }
}
