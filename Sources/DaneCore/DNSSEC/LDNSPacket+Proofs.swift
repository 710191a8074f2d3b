import CLDNS

/// The proofs of a response's authority section, zone by zone. After a CNAME chain across zones
/// the section holds the proofs of several zones (a wildcard CNAME's in one, the denial at the end
/// of the chain in another); each belongs to its own link and is checked with its own zone's keys
/// (RFC 4035 §5.4), as Unbound keeps for each link only the RRsets its signer signed.
extension LDNSPacket {
    /// The signer names of the RRSIGs over NSEC and NSEC3 records of the authority section.
    var proofSigners: Set<DNSName> {
        Set(proofSignatures.records.map { $0.signature.signer })
    }

    /// The NSEC records (else the NSEC3 records) of the authority section that `signer` signed,
    /// and those RRSIGs. A record owned outside the signer's zone is no part of its proof (an
    /// NSEC's owner lies in the zone, an NSEC3's is a hash label on the zone's name: RFC 5155 §3).
    func proof(signedBy signer: DNSName) -> (records: LDNSRRList, signatures: LDNSRRList) {
        let signatures = proofSignatures.filter { $0.signature.signer == signer }
        let signed = Set(signatures.records.map { SignedSet(owner: $0.owner, type: $0.signature.covered) })
        let nsec = records(.nsec, in: LDNS_SECTION_AUTHORITY).filter {
            signed.contains(SignedSet(owner: $0.owner, type: .nsec)) && $0.owner.isSubdomain(of: signer)
        }
        if !nsec.isEmpty { return (nsec, signatures.filter { $0.signature.covered == RecordType.nsec }) }
        let nsec3 = records(.nsec3, in: LDNS_SECTION_AUTHORITY).filter {
            signed.contains(SignedSet(owner: $0.owner, type: .nsec3)) && $0.owner.parent == signer
        }
        return (nsec3, signatures.filter { $0.signature.covered == RecordType.nsec3 })
    }

    private var proofSignatures: LDNSRRList {
        records(.rrsig, in: LDNS_SECTION_AUTHORITY).filter {
            [RecordType.nsec, RecordType.nsec3].contains($0.signature.covered)
        }
    }

    private struct SignedSet: Hashable {
        let owner: DNSName
        let type: RecordType
    }
}
