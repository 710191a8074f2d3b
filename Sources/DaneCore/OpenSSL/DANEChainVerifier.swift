import COpenSSL
import Foundation

/// Verifies a certificate chain without a connection, through the same OpenSSL machinery a
/// handshake uses (SSL_dane_enable, SSL_dane_tlsa_add, X509_verify_cert with the SSL's DANE state
/// and parameters, as ssl_verify_cert_chain does), so that a record danecheck creates is one
/// OpenSSL will match, a chain `tlsa verify` passes is one a handshake would pass, and a probe's
/// chain judged for a domain gets the result a handshake for that domain would have got.
public enum DANEChainVerifier {
    public enum Result: Sendable, Equatable {
        case matched(DANEMatch)
        case failed(String)
    }

    /// What OpenSSL said, as a handshake's verification would: the result code and its words,
    /// the record matched, the records it refused.
    public struct Outcome: Sendable, Equatable {
        public let verifyCode: Int
        public let verifyError: String?
        public let match: DANEMatch?
        public let refused: [TLSARecord]
        /// Set when OpenSSL could not be asked at all (no context, no chain).
        public let setupFailure: String?

        static func failure(_ text: String) -> Outcome {
            Outcome(verifyCode: -1, verifyError: text, match: nil, refused: [], setupFailure: text)
        }
    }

    /// `baseDomain`: the TLSA base domain, the reference identifier DANE-TA checks (RFC 7672 §3.2.2).
    public static func verify(_ chain: [PeerCertificate], records: [TLSARecord], baseDomain: DNSName) -> Result {
        let outcome = verify(chain, expectation: DANEExpectation(baseDomain: baseDomain, records: records))
        if let failure = outcome.setupFailure { return .failed(failure) }
        if let refused = outcome.refused.first {
            return .failed("OpenSSL cannot use \(refused.usage) \(refused.selector) \(refused.matchingType) records")
        }
        guard outcome.verifyCode == Int(X509_V_OK) else { return .failed(outcome.verifyError ?? "verification failed (\(outcome.verifyCode))") }
        guard let match = outcome.match else { return .failed("no TLSA record matched") }
        return .matched(match)
    }

    /// The expectation's records and names (base domain and the further DANE-TA names) against
    /// the chain, leaf first.
    public static func verify(_ chain: [PeerCertificate], expectation: DANEExpectation) -> Outcome {
        verify(chain, setup: TLSSetup(serverName: expectation.baseDomain, dane: expectation))
    }

    /// The chain, leaf first, verified as a handshake set up by `setup` would have verified it:
    /// DANE, PKIX (its CA store and name) or neither. A probe's evidence is judged this way for
    /// every domain that uses the host.
    public static func verify(_ chain: [PeerCertificate], setup: TLSSetup) -> Outcome {
        let context: TLSClientContext
        do { context = try TLSClientContext.shared(pkix: setup.pkix) } catch { return .failure(error.description) }
        OpenSSLError.clear()
        guard let ssl = SSL_new(context.pointer) else { return .failure(OpenSSLError.drain("SSL_new").description) }
        defer { SSL_free(ssl) }
        let refused: [TLSARecord]
        do { refused = try setup.configure(ssl) } catch { return .failure(error.description) }
        guard let store = SSL_CTX_get_cert_store(context.pointer) else { return .failure("no certificate store") }
        // What ssl_verify_cert_chain does for a handshake: the SSL's DANE state (when enabled)
        // and parameters.
        let daneEnabled = setup.dane != nil
        let result = X509ChainVerification.run(chain, store: store) { storeContext in
            if daneEnabled { X509_STORE_CTX_set0_dane(storeContext, SSL_get0_dane(ssl)) }
            _ = X509_STORE_CTX_set_default(storeContext, "ssl_server")
            _ = X509_VERIFY_PARAM_set1(X509_STORE_CTX_get0_param(storeContext), SSL_get0_param(ssl))
        }
        guard let (verified, code) = result else { return .failure("the chain could not be read") }
        let ok = verified && code == X509_V_OK
        let words = ok ? nil : (X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "verification failed (\(code))")
        return Outcome(verifyCode: Int(code), verifyError: words, match: ok ? OpenSSLDANE.matchedRecord(ssl) : nil,
                       refused: refused, setupFailure: nil)
    }
}
