import COpenSSL
import Foundation

/// Verifies a certificate chain against TLSA records without a connection, through the same
/// OpenSSL DANE machinery a probe uses (SSL_dane_enable, SSL_dane_tlsa_add, X509_verify_cert
/// with the SSL's DANE state), so that a record danecheck creates is one OpenSSL will match.
public enum DANEChainVerifier {
    public enum Result: Sendable, Equatable {
        case matched(DANEMatch)
        case failed(String)
    }

    /// `baseDomain`: the TLSA base domain, the reference identifier DANE-TA checks (RFC 7672 §3.2.2).
    public static func verify(_ chain: [PeerCertificate], records: [TLSARecord], baseDomain: DNSName) -> Result {
        let certificates = chain.compactMap { X509Handle(der: $0.certificateDER) }
        guard let leaf = certificates.first, certificates.count == chain.count else { return .failed("the chain could not be read") }
        let context: TLSClientContext
        do { context = try TLSClientContext.shared(pkix: nil) } catch { return .failed(error.description) }
        OpenSSLError.clear()
        guard let ssl = SSL_new(context.pointer) else { return .failed(OpenSSLError.drain("SSL_new").description) }
        defer { SSL_free(ssl) }
        guard SSL_dane_enable(ssl, baseDomain.text) > 0 else { return .failed(OpenSSLError.drain("SSL_dane_enable").description) }
        _ = SSL_dane_set_flags(ssl, UInt(copenssl_dane_no_ee_namechecks()))
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        for record in records {
            let added = record.data.withUnsafeBufferPointer {
                SSL_dane_tlsa_add(ssl, record.usage, record.selector, record.matchingType, $0.baseAddress, $0.count)
            }
            if added <= 0 { return .failed("OpenSSL cannot use \(record.usage) \(record.selector) \(record.matchingType) records") }
        }
        guard let store = SSL_CTX_get_cert_store(context.pointer), let storeContext = X509_STORE_CTX_new() else {
            return .failed("out of memory")
        }
        defer { X509_STORE_CTX_free(storeContext) }
        guard let untrusted = copenssl_sk_X509_new() else { return .failed("out of memory") }
        defer { copenssl_sk_X509_free(untrusted) }
        for certificate in certificates.dropFirst() { _ = copenssl_sk_X509_push(untrusted, certificate.pointer) }
        // What ssl_verify_cert_chain does for a handshake: the SSL's DANE state and parameters.
        guard X509_STORE_CTX_init(storeContext, store, leaf.pointer, untrusted) == 1 else {
            return .failed(OpenSSLError.drain("X509_STORE_CTX_init").description)
        }
        _ = X509_STORE_CTX_set_default(storeContext, "ssl_server")
        _ = X509_VERIFY_PARAM_set1(X509_STORE_CTX_get0_param(storeContext), SSL_get0_param(ssl))
        X509_STORE_CTX_set0_dane(storeContext, SSL_get0_dane(ssl))
        // The stack only borrows the certificates: keep their owners alive through the verification.
        let verified = withExtendedLifetime(certificates) { X509_verify_cert(storeContext) == 1 }
        let code = X509_STORE_CTX_get_error(storeContext)
        ERR_clear_error()
        guard verified, code == X509_V_OK else {
            return .failed(X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "verification failed (\(code))")
        }
        var usage: UInt8 = 0, selector: UInt8 = 0, matching: UInt8 = 0
        var data: UnsafePointer<UInt8>?
        var length = 0
        let depth = SSL_get0_dane_tlsa(ssl, &usage, &selector, &matching, &data, &length)
        guard depth >= 0 else { return .failed("no TLSA record matched") }
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        return .matched(DANEMatch(record: TLSARecord(usage: usage, selector: selector, matchingType: matching, data: bytes),
                                  depth: Int(depth)))
    }
}
