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
        let context: TLSClientContext
        do { context = try TLSClientContext.shared(pkix: nil) } catch { return .failed(error.description) }
        OpenSSLError.clear()
        guard let ssl = SSL_new(context.pointer) else { return .failed(OpenSSLError.drain("SSL_new").description) }
        defer { SSL_free(ssl) }
        do {
            if let refused = try OpenSSLDANE.enable(ssl, DANEExpectation(baseDomain: baseDomain, records: records)).first {
                return .failed("OpenSSL cannot use \(refused.usage) \(refused.selector) \(refused.matchingType) records")
            }
        } catch {
            return .failed(error.description)
        }
        guard let store = SSL_CTX_get_cert_store(context.pointer) else { return .failed("no certificate store") }
        // What ssl_verify_cert_chain does for a handshake: the SSL's DANE state and parameters.
        let outcome = X509ChainVerification.run(chain, store: store) { storeContext in
            _ = X509_STORE_CTX_set_default(storeContext, "ssl_server")
            _ = X509_VERIFY_PARAM_set1(X509_STORE_CTX_get0_param(storeContext), SSL_get0_param(ssl))
            X509_STORE_CTX_set0_dane(storeContext, SSL_get0_dane(ssl))
        }
        guard let (verified, code) = outcome else { return .failed("the chain could not be read") }
        guard verified, code == X509_V_OK else {
            return .failed(X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "verification failed (\(code))")
        }
        guard let match = OpenSSLDANE.matchedRecord(ssl) else { return .failed("no TLSA record matched") }
        return .matched(match)
    }
}
