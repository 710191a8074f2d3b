import COpenSSL
import Foundation

/// One TLS client session over a connected non-blocking socket, which it keeps open for as long
/// as it lives (as swift-nio-ssl's SSLConnection owns its BIO); set up before the handshake
/// (SNI, PKIX name, DANE) and every step bounded by a deadline.
final class TLSSession {
    private let ssl: OpaquePointer
    private let context: TLSClientContext
    /// The socket under the session: closed only when the session is gone.
    let connection: TCPConnection
    /// Records OpenSSL would not take (SSL_dane_tlsa_add returned 0): unusable, reported as such.
    private(set) var refusedRecords: [TLSARecord] = []

    init(context: TLSClientContext, connection: TCPConnection, setup: TLSSetup) throws(OpenSSLError) {
        OpenSSLError.clear()
        guard let ssl = SSL_new(context.pointer) else { throw OpenSSLError.drain("SSL_new") }
        self.ssl = ssl
        self.context = context
        self.connection = connection
        guard SSL_set_fd(ssl, connection.fd) == 1 else { throw OpenSSLError.drain("SSL_set_fd") }
        refusedRecords = try setup.configure(ssl)
    }

    deinit { SSL_free(ssl) }

    /// Any failure of the handshake is a TLS failure, an abrupt close included.
    func handshake(deadline: Deadline) throws(ProbeFailure) {
        do throws(ProbeFailure) {
            guard try drive(deadline: deadline, phase: "the TLS handshake", { SSL_connect(ssl) }) else {
                throw ProbeFailure.tls(Self.closedMessage)
            }
        } catch .closed {
            throw .tls("the server closed the connection")
        } catch .io(let failure) {
            throw .tls(failure.description)
        }
    }

    func write(_ bytes: [UInt8], deadline: Deadline, phase: String) throws(ProbeFailure) {
        var sent = 0
        while sent < bytes.count {
            var written = 0
            let open = try drive(deadline: deadline, phase: phase) {
                bytes[sent...].withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) }
            }
            guard open else { throw .tls(Self.closedMessage) }
            sent += written
        }
    }

    private static let closedMessage = "the server closed the TLS session"

    /// Reads what is available over TLS; empty when the session ended, by a close_notify or an
    /// abrupt close (the peer closed or reset the connection). A TLS protocol error (a fatal
    /// alert, a record that does not decrypt) is an error, never an end.
    func read(deadline: Deadline, phase: String) throws(ProbeFailure) -> [UInt8] {
        switch try readOrEnd(deadline: deadline, phase: phase) {
        case .data(let bytes): bytes
        case .closeNotify, .cut: []
        }
    }

    /// What one read gave: data, or the end of the session, with close_notify or without it.
    enum ReadResult: Equatable {
        case data([UInt8])
        case closeNotify
        /// The connection ended (closed or reset) without close_notify: what came may be cut short.
        case cut(String)
    }

    /// Reads what is available over TLS, telling a close_notify from an abrupt end (an HTTP body
    /// framed by the close is complete only after a close_notify).
    func readOrEnd(deadline: Deadline, phase: String) throws(ProbeFailure) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var count = 0
        do throws(ProbeFailure) {
            guard try drive(deadline: deadline, phase: phase, { SSL_read_ex(ssl, &buffer, buffer.count, &count) }) else {
                return .closeNotify
            }
        } catch .closed {
            return .cut("the server closed the connection")
        } catch .io(let failure) {
            return .cut(failure.description)
        } catch .tls(let message) {
            throw .tlsSession(phase: phase, message)
        }
        return .data(Array(buffer.prefix(count)))
    }

    /// Calls an SSL I/O function until it succeeds (true), or the peer closed the TLS session with
    /// a close_notify (false), waiting on the socket as OpenSSL asks. Throws `.closed` for a
    /// connection that ended without close_notify, `.io` for a socket error, `.tls` for a TLS
    /// protocol error, `.timeout` at the deadline.
    private func drive(deadline: Deadline, phase: String, _ call: () -> Int32) throws(ProbeFailure) -> Bool {
        while true {
            OpenSSLError.clear()
            errno = 0
            let result = call()
            if result > 0 { return true }
            let error = SSL_get_error(ssl, result)
            let events: Int16
            switch error {
            case SSL_ERROR_WANT_READ: events = Int16(POLLIN)
            case SSL_ERROR_WANT_WRITE: events = Int16(POLLOUT)
            case SSL_ERROR_ZERO_RETURN: return false
            case SSL_ERROR_SYSCALL:
                let queued = OpenSSLError.drain("")
                if !queued.messages.isEmpty { throw .tls(queued.messages.joined(separator: "; ")) }
                if errno == 0 { throw .closed(phase: phase) }
                throw .io(.last)
            default:
                let queued = OpenSSLError.drain("")
                // OpenSSL 3 reports a connection that ended without close_notify as this error,
                // not as SSL_ERROR_SYSCALL with errno 0 (as OpenSSL 1.1 did): an end, not a TLS error.
                if queued.reasons.contains(SSL_R_UNEXPECTED_EOF_WHILE_READING) { throw .closed(phase: phase) }
                throw .tls(queued.messages.joined(separator: "; "))
            }
            guard try deadline.wait(connection.fd, for: events) else {
                throw .timeout(phase: phase, seconds: deadline.seconds, detail: "")
            }
        }
    }

    /// What the handshake established.
    var summary: TLSSummary {
        let version = SSL_get_version(ssl).map { String(cString: $0) } ?? "?"
        let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? "?"
        var chain: [PeerCertificate] = []
        if let stack = SSL_get_peer_cert_chain(ssl) {
            for index in 0..<copenssl_sk_X509_num(stack) {
                if let cert = copenssl_sk_X509_value(stack, index) {
                    chain.append(CertificateReader.read(cert, depth: Int(index)))
                }
            }
        }
        let code = SSL_get_verify_result(ssl)
        let words = code == X509_V_OK ? nil : X509_verify_cert_error_string(code).map { String(cString: $0) }
        let key = SSL_get0_peer_certificate(ssl).flatMap { X509_get0_pubkey($0) }.map(Self.keyFacts)
        let signature = Self.signatureFacts(ssl)
        return TLSSummary(version: version, cipher: cipher, group: Self.group(ssl), signatureAlgorithm: signature.algorithm,
                          signatureDigest: signature.digest, keyType: key?.type, keyBits: key?.bits, keyCurve: key?.curve,
                          chain: chain, verifyCode: Int(code), verifyError: words,
                          daneMatch: code == X509_V_OK ? OpenSSLDANE.matchedRecord(ssl) : nil)
    }

    private static func group(_ ssl: OpaquePointer) -> String? {
        let id = Int32(truncatingIfNeeded: copenssl_negotiated_group(ssl))
        guard id > 0 else { return nil }
        return SSL_group_to_name(ssl, id).map { String(cString: $0) } ?? OBJ_nid2sn(id).map { String(cString: $0) }
    }

    private static func signatureFacts(_ ssl: OpaquePointer) -> (algorithm: String?, digest: String?) {
        var type: Int32 = 0, digest: Int32 = 0
        let algorithm = SSL_get_peer_signature_type_nid(ssl, &type) == 1 ? signatureName(type) : nil
        let digestName = copenssl_peer_signature_digest(ssl, &digest) == 1 && digest != NID_undef
            ? OBJ_nid2sn(digest).map { String(cString: $0) } : nil
        return (algorithm, digestName)
    }

    private static func signatureName(_ type: Int32) -> String? {
        switch type {
        case EVP_PKEY_RSA_PSS: "RSA-PSS"
        case EVP_PKEY_RSA: "RSA"
        case EVP_PKEY_EC: "ECDSA"
        case EVP_PKEY_ED25519: "Ed25519"
        case EVP_PKEY_ED448: "Ed448"
        default: OBJ_nid2sn(type).map { String(cString: $0) }
        }
    }

    private static func keyFacts(_ key: OpaquePointer) -> (type: String?, bits: Int?, curve: String?) {
        let type = EVP_PKEY_get0_type_name(key).map { String(cString: $0) }
        let bits = Int(EVP_PKEY_get_bits(key))
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        let curve = EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1
            ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
        return (type, bits > 0 ? bits : nil, curve)
    }
}
