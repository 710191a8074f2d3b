import COpenSSL
import DaneCore
import DaneExporterConfig

/// The listener's TLS settings as one OpenSSL `SSL_CTX`, made from a web configuration's
/// `tls_server_config`: the certificate chain and key, the TLS versions, and whether and how a
/// client certificate is asked for and checked (with `client_ca_file`). Made once per (re)load and
/// shared by every connection; each connection has its own `SSL` (`OpenSSLServerHandler`).
final class ServerTLSContext: @unchecked Sendable {
    let pointer: OpaquePointer

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ config: WebConfig.TLSServerConfig) throws(Failure) {
        OpenSSLError.clear()
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw Failure(description: "SSL_CTX_new: \(OpenSSLError.drain(""))") }
        pointer = context
        func check(_ ok: Bool, _ what: String) throws(Failure) {
            if !ok { throw Failure(description: "\(what): \(OpenSSLError.drain("").messages.joined(separator: "; "))") }
        }
        try check(copenssl_ctx_set_min_proto_version(context, Self.protocolVersion(config.minVersion)) == 1, "min_version")
        if let max = config.maxVersion {
            try check(copenssl_ctx_set_max_proto_version(context, Self.protocolVersion(max)) == 1, "max_version")
        }
        _ = copenssl_ctx_set_mode_partial_write(context)
        try check(SSL_CTX_use_certificate_chain_file(context, config.certFile) == 1, "cert_file \(config.certFile)")
        try check(SSL_CTX_use_PrivateKey_file(context, config.keyFile, SSL_FILETYPE_PEM) == 1, "key_file \(config.keyFile)")
        try check(SSL_CTX_check_private_key(context) == 1, "key_file \(config.keyFile) does not belong to cert_file")
        if let ca = config.clientCAFile {
            try check(SSL_CTX_load_verify_locations(context, ca, nil) == 1, "client_ca_file \(ca)")
            if let names = SSL_load_client_CA_file(ca) { SSL_CTX_set_client_CA_list(context, names) }
        }
        var mode = SSL_VERIFY_NONE
        switch config.clientAuth {
        case .none: break
        case .request: mode = SSL_VERIFY_PEER
        case .verifyIfGiven: mode = SSL_VERIFY_PEER
        case .requireAny, .requireAndVerify: mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT
        }
        // Asked for but not checked (Go's RequestClientCert, RequireAnyClientCert): any certificate passes.
        SSL_CTX_set_verify(context, mode, config.clientAuth.verifies ? nil : { _, _ in 1 })
    }

    deinit { SSL_CTX_free(pointer) }

    static func protocolVersion(_ version: WebConfig.TLSVersion) -> Int32 {
        switch version {
        case .tls10: TLS1_VERSION
        case .tls11: TLS1_1_VERSION
        case .tls12: TLS1_2_VERSION
        case .tls13: TLS1_3_VERSION
        }
    }
}
