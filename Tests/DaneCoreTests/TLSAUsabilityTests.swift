import Foundation
import Testing
@testable import DaneCore

@Suite struct TLSAUsabilityTests {
    static let digest32 = [UInt8](repeating: 0xab, count: 32)
    static let digest64 = [UInt8](repeating: 0xcd, count: 64)

    @Test(arguments: [(UInt8(3), UInt8(1), UInt8(1)), (3, 0, 1), (2, 1, 1), (2, 0, 1), (3, 1, 2), (2, 0, 2)])
    func daneUsagesWithKnownDigestsAreUsable(usage: UInt8, selector: UInt8, matching: UInt8) {
        let data = matching == 1 ? Self.digest32 : Self.digest64
        let record = TLSARecord(usage: usage, selector: selector, matchingType: matching, data: data)
        #expect(SMTPTLSAUsabilityRule.evaluate(record) == .usable)
    }

    @Test(arguments: [
        (TLSARecord(usage: 0, selector: 0, matchingType: 1, data: digest32), "PKIX-TA, RFC 7672 §3.1.3"),
        (TLSARecord(usage: 1, selector: 1, matchingType: 1, data: digest32), "PKIX-EE, RFC 7672 §3.1.3"),
        (TLSARecord(usage: 4, selector: 1, matchingType: 1, data: digest32), "unknown certificate usage 4"),
        (TLSARecord(usage: 3, selector: 2, matchingType: 1, data: digest32), "unknown selector 2"),
        (TLSARecord(usage: 3, selector: 1, matchingType: 9, data: digest32), "unknown matching type 9"),
        (TLSARecord(usage: 3, selector: 1, matchingType: 1, data: Array(digest32.dropLast())), "SHA2-256 digest must be 32 octets, got 31"),
        (TLSARecord(usage: 3, selector: 1, matchingType: 2, data: digest32), "SHA2-512 digest must be 64 octets, got 32"),
        (TLSARecord(usage: 3, selector: 0, matchingType: 0, data: [0x0b, 0xad]), "Full data is not a DER certificate"),
        (TLSARecord(usage: 3, selector: 1, matchingType: 0, data: [0x30, 0x00]), "Full data is not a DER SubjectPublicKeyInfo"),
        (TLSARecord(usage: 2, selector: 1, matchingType: 0, data: []), "empty certificate association data"),
    ])
    func unusableRecordsSayWhy(record: TLSARecord, reason: String) {
        #expect(SMTPTLSAUsabilityRule.evaluate(record) == .unusable(reason: reason))
    }

    @Test func fullCertificateAndKeyGeneratedByOpenSSLAreUsable() throws {
        let pki = try GeneratedCertificate()
        #expect(SMTPTLSAUsabilityRule.evaluate(TLSARecord(usage: 3, selector: 0, matchingType: 0, data: pki.certificateDER)) == .usable)
        #expect(SMTPTLSAUsabilityRule.evaluate(TLSARecord(usage: 2, selector: 1, matchingType: 0, data: pki.publicKeyDER)) == .usable)
        // A certificate is not a SubjectPublicKeyInfo, and trailing bytes make neither well formed.
        #expect(!SMTPTLSAUsabilityRule.evaluate(TLSARecord(usage: 3, selector: 1, matchingType: 0, data: pki.certificateDER)).isUsable)
        #expect(!SMTPTLSAUsabilityRule.evaluate(TLSARecord(usage: 3, selector: 0, matchingType: 0, data: pki.certificateDER + [0])).isUsable)
    }

    @Test func rfc7218NamesAndPresentation() {
        let record = TLSARecord(usage: 3, selector: 1, matchingType: 1, data: [0x8a, 0x1f])
        #expect(record.usageName == "DANE-EE")
        #expect(record.selectorName == "SPKI")
        #expect(record.matchingTypeName == "SHA2-256")
        #expect(record.description == "3 1 1 8a1f")
        #expect(TLSARecord(usage: 2, selector: 0, matchingType: 2, data: []).usageName == "DANE-TA")
    }
}
