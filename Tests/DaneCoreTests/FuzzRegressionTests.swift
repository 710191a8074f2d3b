import CLDNS
@testable import DaneCore
import Foundation
import Testing
import TestSupport

/// Inputs the fuzz targets (scripts/fuzz.sh) found crashing danecheck, kept in
/// Fuzz/regressions/TARGET/ as they were found (scripts/fuzz.sh replays every one through its
/// target before fuzzing); here, what each must give now.
struct FuzzRegressionTests {
    static func input(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: PackageRoot.url.appendingPathComponent("Fuzz/regressions/\(path)")))
    }

    /// trust-anchor: "DS00\tTYPE2415199…": ldns reads a type number beyond 16 bits from text; its
    /// conversion trapped ("Not enough bits to represent the passed value").
    @Test func aTypeNumberBeyondSixteenBitsIsNotAnAnchor() throws {
        let text = String(decoding: try Self.input("trust-anchor/type-beyond-16-bits"), as: UTF8.self)
        #expect(throws: TrustAnchorError.self) { try TrustAnchorFile.parse(text, source: "fuzz") }
    }

    /// denial-proof: an NXDOMAIN whose NSEC3 records ldns cannot read a next hashed owner from;
    /// ldns_nsec_covers_name asserted (abort) inside ldns_dname_cat. Such a record covers nothing:
    /// the proof fails with its reason.
    @Test func anNSEC3WithoutAReadableNextOwnerCoversNothing() throws {
        let packet = try LDNSPacket(wire: try Self.input("denial-proof/nsec3-without-next-owner"))
        // As the fuzz target asks: the message's question, in the zone its SOA names.
        let question = try #require(ldns_pkt_question(packet.pointer).flatMap { ldns_rr_list_rr($0, 0) })
        let name = LDNSRRList.owner(of: question)
        let soa = try #require(packet.records(.soa, in: LDNS_SECTION_AUTHORITY).records.first)
        let result = DenialProof.check(name, LDNSRRList.type(of: question), nxDomain: packet.response.rcode == .nxDomain,
                                       records: packet.proofRecords, zone: LDNSRRList.owner(of: soa.pointer))
        if case .proven = result { Issue.record("a proof from records that cannot be read: \(result)") }
    }
}
