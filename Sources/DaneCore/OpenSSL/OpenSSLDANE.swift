import COpenSSL

/// OpenSSL's DANE state on one SSL, set up and read back the same way for a handshake
/// (`TLSSession`) and for a chain verified without a connection (`DANEChainVerifier`).
enum OpenSSLDANE {
    /// Configures DANE verification; returns the records OpenSSL would not take
    /// (SSL_dane_tlsa_add returned 0): unusable, reported as such.
    static func enable(_ ssl: OpaquePointer, _ dane: DANEExpectation) throws(OpenSSLError) -> [TLSARecord] {
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
