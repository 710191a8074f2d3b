import COpenSSL

/// Decodes DER blobs with OpenSSL to tell whether they are well formed.
enum DERDecoder {
    static func isCertificate(_ der: [UInt8]) -> Bool {
        decodes(der) { pointer, length in
            guard let cert = d2i_X509(nil, &pointer, length) else { return false }
            X509_free(cert)
            return true
        }
    }

    static func isSubjectPublicKeyInfo(_ der: [UInt8]) -> Bool {
        decodes(der) { pointer, length in
            guard let key = d2i_PUBKEY(nil, &pointer, length) else { return false }
            EVP_PKEY_free(key)
            return true
        }
    }

    /// Runs a d2i function and requires it to consume every byte.
    private static func decodes(
        _ der: [UInt8],
        _ body: (inout UnsafePointer<UInt8>?, Int) -> Bool
    ) -> Bool {
        der.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var cursor: UnsafePointer<UInt8>? = base
            defer { ERR_clear_error() }
            guard body(&cursor, buffer.count), let end = cursor else { return false }
            return end == base + buffer.count
        }
    }
}
