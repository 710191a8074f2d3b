import CLDNS

/// The NSEC or NSEC3 records of one zone's proof (their signatures already checked), read as
/// names: which record matches a name (its owner is the name, or the name's NSEC3 hash), which
/// covers it (owner < name < next, canonical order), what its type bitmap lists. ldns hashes
/// names and compares spans. `list` owns the records the pointers refer to.
struct ProofRecords {
    let records: [LDNSRecord]
    private let list: LDNSRRList
    let zone: DNSName
    let isNSEC3: Bool

    init(records: LDNSRRList, zone: DNSName) {
        list = records
        self.records = records.records
        self.zone = zone
        isNSEC3 = self.records.contains { $0.type == RecordType.nsec3 }
    }

    var kind: String { isNSEC3 ? "NSEC3" : "NSEC" }

    /// The NSEC3 owner name `name` hashes to with these records' parameters.
    private func hashed(_ name: DNSName) -> DNSName? {
        guard let sample = records.first else { return nil }
        return LDNSDNSSECFields.nsec3Owner(of: name, like: sample.pointer, zone: zone)
    }

    /// The record whose owner is the name (NSEC) or its hash (NSEC3).
    func matching(_ name: DNSName) -> LDNSRecord? {
        guard let owner = isNSEC3 ? hashed(name) : name else { return nil }
        return records.first { $0.owner == owner }
    }

    /// A record whose span holds the name strictly (owner < name < next, canonical order).
    func covering(_ name: DNSName) -> LDNSRecord? {
        if isNSEC3 {
            guard let hashedName = hashed(name) else { return nil }
            return records.first { LDNSDNSSECFields.nsec3Covers($0.pointer, hashedName: hashedName) }
        }
        guard let dname = ldns_dname_new_frm_str(name.absolute) else { return nil }
        defer { ldns_rdf_deep_free(dname) }
        return records.first { $0.owner != name && LDNSDNSSECFields.covers($0.pointer, dname) }
    }

    /// RFC 4035 §2.3, RFC 6840 §4.1: the record of a zone cut's parent side lists NS without SOA.
    static func isDelegation(_ record: LDNSRecord) -> Bool {
        record.lists(RecordType.ns) && !record.lists(RecordType.soa)
    }

    /// The next owner name of an NSEC record.
    static func nextName(_ nsec: LDNSRecord) -> DNSName? {
        guard let rdf = ldns_rr_rdf(nsec.pointer, 0) else { return nil }
        return DNSName(dnsText: LDNSRData.text(rdf))
    }

    static func optOut(_ nsec3: LDNSRecord) -> Bool { LDNSDNSSECFields.optOut(nsec3.pointer) }
}
