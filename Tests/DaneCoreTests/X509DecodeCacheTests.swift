import Testing
@testable import DaneCore

/// A certificate is decoded once and shared; what is not a certificate is not kept; the cache
/// stays within its limit.
struct X509DecodeCacheTests {
    @Test func aCertificateIsDecodedOnceAndShared() throws {
        let first = try GeneratedCertificate(), second = try GeneratedCertificate()
        let cache = X509DecodeCache(limit: 2)
        let handle = try #require(cache.handle(der: first.certificateDER))
        #expect(cache.handle(der: first.certificateDER) === handle)
        let other = try #require(cache.handle(der: second.certificateDER))
        #expect(other !== handle)
        #expect(cache.handle(der: [0x30, 0x03, 0x02, 0x01, 0x00]) == nil)
        #expect(cache.count == 2)
        // Full: a third certificate starts it over, and the first is decoded afresh.
        let third = try GeneratedCertificate()
        #expect(cache.handle(der: third.certificateDER) != nil)
        #expect(cache.count == 1)
        let again = try #require(cache.handle(der: first.certificateDER))
        #expect(again !== handle)
        #expect(cache.count == 2)
    }
}
