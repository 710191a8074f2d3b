import COpenSSL
import Foundation

/// One TLS client session over a connected non-blocking socket, with DANE configured before
/// the handshake (SSL_dane_enable, SSL_dane_tlsa_add) and every step bounded by a deadline.
final class TLSSession {
    private let ssl: OpaquePointer
    private let context: TLSClientContext
    /// Records OpenSSL would not take (SSL_dane_tlsa_add returned 0): unusable, reported as such.
    private(set) var refusedRecords: [TLSARecord] = []

    init(context: TLSClientContext, fd: Int32, request: ProbeRequest) throws(OpenSSLError) {
        OpenSSLError.clear()
        guard let ssl = SSL_new(context.pointer) else { throw OpenSSLError.drain("SSL_new") }
        self.ssl = ssl
        self.context = context
        guard SSL_set_fd(ssl, fd) == 1 else { throw OpenSSLError.drain("SSL_set_fd") }
        // RFC 6066 §3: SNI carries host names only, never an address literal.
        if request.serverName.absolute != ".", !IPAddress.isLiteral(request.serverName.text) {
            _ = copenssl_set_tlsext_host_name(ssl, request.serverName.text)
        }
        if case .pkix(let pkix) = request.verification, let hostname = pkix.hostname {
            SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            guard SSL_set1_host(ssl, hostname.text) == 1 else { throw OpenSSLError.drain("SSL_set1_host") }
        }
        guard let dane = request.dane else { return }
        refusedRecords = try Self.enableDANE(ssl, dane)
    }

    /// Configures OpenSSL's DANE verification on an SSL (used by probes and by `DANEChainVerifier`);
    /// returns the records OpenSSL would not take (SSL_dane_tlsa_add returned 0).
    static func enableDANE(_ ssl: OpaquePointer, _ dane: DANEExpectation) throws(OpenSSLError) -> [TLSARecord] {
        // RFC 7672 §8.1: SNI is the TLSA base domain; it is also the primary reference identifier.
        guard SSL_dane_enable(ssl, dane.baseDomain.text) > 0 else { throw OpenSSLError.drain("SSL_dane_enable") }
        _ = SSL_dane_set_flags(ssl, UInt(copenssl_dane_no_ee_namechecks()))
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        for name in dane.extraNames { _ = SSL_add1_host(ssl, name.text) }
        var refused: [TLSARecord] = []
        for record in dane.records {
            let added = record.data.withUnsafeBufferPointer {
                SSL_dane_tlsa_add(ssl, record.usage, record.selector, record.matchingType, $0.baseAddress, $0.count)
            }
            if added == 0 { refused.append(record) }
            if added < 0 { throw OpenSSLError.drain("SSL_dane_tlsa_add") }
        }
        ERR_clear_error()
        return refused
    }

    deinit { SSL_free(ssl) }

    func handshake(deadline: Deadline, fd: Int32) throws(ProbeFailure) {
        guard try drive(deadline: deadline, fd: fd, phase: "the TLS handshake", { SSL_connect(ssl) }) else {
            throw .tls(Self.closedMessage)
        }
    }

    func write(_ bytes: [UInt8], deadline: Deadline, fd: Int32, phase: String) throws(ProbeFailure) {
        var sent = 0
        while sent < bytes.count {
            var written = 0
            let open = try drive(deadline: deadline, fd: fd, phase: phase) {
                bytes[sent...].withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) }
            }
            guard open else { throw .tls(Self.closedMessage) }
            sent += written
        }
    }

    private static let closedMessage = "the server closed the TLS session"

    /// Reads what is available over TLS; empty when the server closed the session. `strict`: only
    /// a close_notify ends the stream (HTTP bodies framed by the close); any other TLS error fails.
    func read(deadline: Deadline, fd: Int32, phase: String, strict: Bool = false) throws(ProbeFailure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var count = 0
        do {
            guard try drive(deadline: deadline, fd: fd, phase: phase, { SSL_read_ex(ssl, &buffer, buffer.count, &count) }) else {
                return []  // close_notify
            }
        } catch .tls(let message) {
            // After an SMTP dialogue a reset is an end of stream too; not for a body framed by the close.
            if strict { throw .tls("the connection ended without close_notify: \(message)") }
            return []
        }
        return Array(buffer.prefix(count))
    }

    /// Calls an SSL I/O function until it succeeds (true), or the peer closed the TLS session with
    /// a close_notify (false), waiting on the socket as OpenSSL asks.
    private func drive(deadline: Deadline, fd: Int32, phase: String, _ call: () -> Int32) throws(ProbeFailure) -> Bool {
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
                throw .tls(errno == 0 ? "the server closed the connection" : String(cString: strerror(errno)))
            default:
                throw .tls(OpenSSLError.drain("").messages.joined(separator: "; "))
            }
            guard try deadline.wait(fd, for: events) else {
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
        return TLSSummary(version: version, cipher: cipher, chain: chain, verifyCode: Int(code),
                          verifyError: words, daneMatch: daneMatch)
    }

    /// SSL_get0_dane_tlsa: the record that matched, nil when DANE did not authenticate the peer.
    private var daneMatch: DANEMatch? {
        SSL_get_verify_result(ssl) == X509_V_OK ? Self.matchedRecord(ssl) : nil
    }

    /// SSL_get0_dane_tlsa: the record DANE verification matched and the depth, nil for none.
    static func matchedRecord(_ ssl: OpaquePointer) -> DANEMatch? {
        var usage: UInt8 = 0, selector: UInt8 = 0, matching: UInt8 = 0
        var data: UnsafePointer<UInt8>?
        var length = 0
        let depth = SSL_get0_dane_tlsa(ssl, &usage, &selector, &matching, &data, &length)
        guard depth >= 0 else { return nil }
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        return DANEMatch(record: TLSARecord(usage: usage, selector: selector, matchingType: matching, data: bytes),
                         depth: Int(depth))
    }
}
