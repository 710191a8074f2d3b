import COpenSSL
import Foundation

/// Reads an OpenSSL X509 into a `PeerCertificate`.
enum CertificateReader {
    static func read(_ cert: OpaquePointer, depth: Int) -> PeerCertificate {
        var certificate = fields(cert, depth: depth)
        certificate.isCA = X509_check_ca(cert) != 0
        return certificate
    }

    private static func fields(_ cert: OpaquePointer, depth: Int) -> PeerCertificate {
        PeerCertificate(
            depth: depth,
            subject: name(X509_get_subject_name(cert)),
            issuer: name(X509_get_issuer_name(cert)),
            notBefore: date(X509_get0_notBefore(cert)),
            notAfter: date(X509_get0_notAfter(cert)),
            names: dnsNames(cert),
            certificateDER: der { i2d_X509(cert, $0) },
            publicKeyDER: der { i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), $0) })
    }

    /// "CN=mx.example.test, O=Example" (RFC 2253 order reversed to the usual reading order).
    private static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, copenssl_name_print_flags())
        return bioString(bio)
    }

    private static func bioString(_ bio: OpaquePointer) -> String {
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = BIO_read(bio, &buffer, Int32(buffer.count))
            if count <= 0 { break }
            out += buffer.prefix(Int(count))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    private static func dnsNames(_ cert: OpaquePointer) -> [String] {
        var names: [String] = []
        if let raw = X509_get_ext_d2i(cert, NID_subject_alt_name, nil, nil) {
            let stack = OpaquePointer(raw)
            for index in 0..<OPENSSL_sk_num(stack) {
                guard let entry = OPENSSL_sk_value(stack, index)?.assumingMemoryBound(to: GENERAL_NAME.self),
                      entry.pointee.type == GEN_DNS, let ia5 = entry.pointee.d.dNSName,
                      let bytes = ASN1_STRING_get0_data(ia5) else { continue }
                names.append(String(decoding: UnsafeBufferPointer(start: bytes, count: Int(ASN1_STRING_length(ia5))), as: UTF8.self))
            }
            GENERAL_NAMES_free(stack)
        }
        if names.isEmpty, let subject = X509_get_subject_name(cert) {
            var buffer = [CChar](repeating: 0, count: 256)
            let length = X509_NAME_get_text_by_NID(subject, NID_commonName, &buffer, Int32(buffer.count))
            if length > 0 { names.append(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        }
        return names
    }

    private static func der(_ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) -> Int32) -> [UInt8] {
        var pointer: UnsafeMutablePointer<UInt8>?
        let length = encode(&pointer)
        guard length > 0, let pointer else { return [] }
        defer { copenssl_free(pointer) }
        return Array(UnsafeBufferPointer(start: pointer, count: Int(length)))
    }
}
