import CLDNS

/// Reads NSEC and NSEC3 records (already signature-checked) as proofs of absence
/// (RFC 4035 §5.4, RFC 5155 §8): ldns checks the spans; delegations and opt-out are read here.
enum DenialProof {
    enum Result: Equatable {
        /// The records prove that `type` does not exist at the name.
        case proven
        /// NSEC3 opt-out: the name may be an unsigned delegation (RFC 5155 §6, §8.6); insecure.
        case optOut(String)
        case unproven(String)
    }

    /// What the proof says about a name as a zone cut (asked when walking down for DS).
    enum Delegation: Equatable {
        /// NS without SOA and DS at the name: a delegation to an unsigned zone (RFC 4035 §5.2).
        case unsigned
        /// Not a zone cut (an ordinary name, an empty non-terminal or no name at all).
        case none
    }

    static func check(_ name: DNSName, _ type: UInt16, nxDomain: Bool, records: LDNSRRList,
                      signatures: LDNSRRList, zone: DNSName) -> Result {
        let what = "\(LDNSDNSSECFields.typeName(type)) at \(name.text)"
        guard let question = LDNSDNSSECFields.question(name, type) else { return .unproven("cannot read \(name.text)") }
        defer { ldns_rr_free(question) }
        let isNSEC3 = records.records.contains { LDNSRRList.type(of: $0) == LDNSDNSSECFields.nsec3 }
        if !isNSEC3 {
            let status = ldns_dnssec_verify_denial(question, records.pointer, signatures.pointer)
            if LDNSStatus.isSuccess(status) { return .proven }
            return .unproven("NSEC records do not prove the absence of \(what) (\(LDNSStatus.message(status)))")
        }
        let rcode = nxDomain ? LDNS_RCODE_NXDOMAIN : LDNS_RCODE_NOERROR
        var match: UnsafeMutablePointer<ldns_rr>?
        let status = ldns_dnssec_verify_denial_nsec3_match(question, records.pointer, signatures.pointer, rcode,
                                                            ldns_rr_type(UInt32(type)), !nxDomain, &match)
        if LDNSStatus.isSuccess(status) {
            // RFC 5155 §9.2: the next closer name in an opt-out span might be an unsigned delegation,
            // so this NXDOMAIN cannot be proven secure.
            if nxDomain, let span = optOutSpan(covering: name, records: records, zone: zone) {
                return .optOut("\(name.text) lies in an NSEC3 opt-out span of \(zone.text) (\(span)): NXDOMAIN, insecure")
            }
            return .proven
        }
        if type == LDNSDNSSECFields.ds, !nxDomain, let span = optOutSpan(covering: name, records: records, zone: zone) {
            return .optOut("\(name.text) lies in an NSEC3 opt-out span of \(zone.text) (\(span)): no DS, unsigned")
        }
        return .unproven("no NSEC3 proof for the absence of \(what) (\(LDNSStatus.message(status)))")
    }

    /// RFC 4035 §5.2 / RFC 5155 §8.6: the record matching the name shows NS without SOA or DS.
    static func delegation(_ name: DNSName, records: LDNSRRList, zone: DNSName) -> Delegation {
        for record in records.records {
            let matches: Bool
            if LDNSRRList.type(of: record) == LDNSDNSSECFields.nsec3 {
                matches = LDNSDNSSECFields.nsec3Owner(of: name, like: record, zone: zone) == LDNSRRList.owner(of: record)
            } else {
                matches = LDNSRRList.owner(of: record) == name
            }
            guard matches else { continue }
            let cut = LDNSDNSSECFields.bitmap(of: record, lists: LDNSDNSSECFields.ns)
                && !LDNSDNSSECFields.bitmap(of: record, lists: LDNSDNSSECFields.soa)
                && !LDNSDNSSECFields.bitmap(of: record, lists: LDNSDNSSECFields.ds)
            return cut ? .unsigned : .none
        }
        return .none
    }

    /// RFC 4035 §5.3.4 and RFC 5155 §8.8: for an answer expanded from a wildcard whose RRSIG has
    /// `labels` labels, an NSEC covering the owner (or an NSEC3 covering the next closer name, one
    /// label longer than the wildcard's parent) shows that no closer name exists.
    static func noCloserMatch(_ owner: DNSName, labels: Int, records: LDNSRRList, zone: DNSName) -> Bool {
        for record in records.records where LDNSRRList.type(of: record) == LDNSDNSSECFields.nsec {
            guard LDNSRRList.owner(of: record) != owner, let name = ldns_dname_new_frm_str(owner.absolute) else { continue }
            defer { ldns_rdf_deep_free(name) }
            if ldns_nsec_covers_name(record, name) { return true }
        }
        var nextCloser = owner
        while nextCloser.labelCount > labels + 1, let parent = nextCloser.parent { nextCloser = parent }
        guard let sample = records.records.first(where: { LDNSRRList.type(of: $0) == LDNSDNSSECFields.nsec3 }),
              let hashed = LDNSDNSSECFields.nsec3Owner(of: nextCloser, like: sample, zone: zone) else { return false }
        return records.records.contains { LDNSRRList.type(of: $0) == LDNSDNSSECFields.nsec3 && LDNSDNSSECFields.nsec3Covers($0, hashedName: hashed) }
    }

    /// RFC 5155 §7.2.4 / §8.6: a closest encloser is matched by an NSEC3 record and the next
    /// closer name is covered by one with the opt-out flag. Returns that record's owner.
    private static func optOutSpan(covering name: DNSName, records: LDNSRRList, zone: DNSName) -> String? {
        guard let sample = records.records.first else { return nil }
        let owners = Set(records.records.map { LDNSRRList.owner(of: $0) })
        var nextCloser = name
        var candidate = name.parent
        while let encloser = candidate, encloser.isSubdomain(of: zone) {
            if let hashed = LDNSDNSSECFields.nsec3Owner(of: encloser, like: sample, zone: zone), owners.contains(hashed) {
                guard let hashedNext = LDNSDNSSECFields.nsec3Owner(of: nextCloser, like: sample, zone: zone) else { return nil }
                let cover = records.records.first {
                    LDNSDNSSECFields.optOut($0) && LDNSDNSSECFields.nsec3Covers($0, hashedName: hashedNext)
                }
                return cover.map { LDNSRRList.owner(of: $0).text }
            }
            nextCloser = encloser
            candidate = encloser.parent
        }
        return nil
    }
}
