import COpenSSL

/// Owns an OpenSSL X509 decoded from DER.
final class X509Handle: @unchecked Sendable {
    let pointer: OpaquePointer

    init?(der: [UInt8]) {
        var cursor: UnsafePointer<UInt8>?
        let decoded: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let decoded else { return nil }
        pointer = decoded
    }

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }
}
