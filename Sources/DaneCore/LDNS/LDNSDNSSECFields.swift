import CLDNS

/// Reads the DNSSEC fields danecheck reports from ldns records (RFC 4034 §2, §3, §5).
enum LDNSDNSSECFields {
    static func field8(_ rr: UnsafePointer<ldns_rr>, _ index: Int) -> UInt8 { LDNSRData.uint8(ldns_rr_rdf(rr, index)) ?? 0 }
    static func field16(_ rr: UnsafePointer<ldns_rr>, _ index: Int) -> UInt16 { LDNSRData.uint16(ldns_rr_rdf(rr, index)) ?? 0 }
    static func field32(_ rr: UnsafePointer<ldns_rr>, _ index: Int) -> UInt32 { LDNSRData.uint32(ldns_rr_rdf(rr, index)) ?? 0 }

    /// DNSKEY: key tag (RFC 4034 Appendix B), flags, algorithm.
    static func key(_ rr: UnsafePointer<ldns_rr>) -> (tag: UInt16, flags: UInt16, algorithm: UInt8) {
        (ldns_calc_keytag(rr), field16(rr, 0), field8(rr, 2))
    }

    /// DS: key tag, algorithm, digest type.
    static func delegationSigner(_ rr: UnsafePointer<ldns_rr>) -> (tag: UInt16, algorithm: UInt8, digestType: UInt8) {
        (field16(rr, 0), field8(rr, 1), field8(rr, 2))
    }

    /// RRSIG: the type covered, algorithm, labels, raw validity times, key tag and signer.
    static func signature(_ rr: UnsafePointer<ldns_rr>)
        -> (covered: RecordType, algorithm: UInt8, labels: UInt8, expiration: UInt32, inception: UInt32, tag: UInt16, signer: DNSName) {
        (RecordType(rawValue: field16(rr, 0)), field8(rr, 1), field8(rr, 2), field32(rr, 4), field32(rr, 5), field16(rr, 6),
         DNSName(dnsText: LDNSRData.text(ldns_rr_rdf(rr, 7))))
    }

    /// Whether an NSEC or NSEC3 record's type bitmap lists `type`.
    static func bitmap(of rr: UnsafePointer<ldns_rr>, lists type: RecordType) -> Bool {
        let bitmap = LDNSRRList.type(of: rr) == .nsec3 ? ldns_nsec3_bitmap(rr) : ldns_nsec_get_bitmap(rr)
        guard let bitmap else { return false }
        return ldns_nsec_bitmap_covers_type(bitmap, ldns_rr_type(UInt32(type.rawValue)))
    }

    /// The NSEC3 owner name `name` hashes to with this record's parameters, in `zone`.
    static func nsec3Owner(of name: DNSName, like rr: UnsafePointer<ldns_rr>, zone: DNSName) -> DNSName? {
        guard let dname = ldns_dname_new_frm_str(name.absolute) else { return nil }
        defer { ldns_rdf_deep_free(dname) }
        guard let hashed = ldns_nsec3_hash_name_frm_nsec3(rr, dname) else { return nil }
        defer { ldns_rdf_deep_free(hashed) }
        let label = LDNSRData.text(hashed)
        return DNSName(dnsText: (label.hasSuffix(".") ? String(label.dropLast()) : label) + "." + zone.absolute)
    }

    /// Whether `name` lies strictly inside this NSEC3 record's hashed span (owner < name < next).
    static func nsec3Covers(_ rr: UnsafePointer<ldns_rr>, hashedName: DNSName) -> Bool {
        guard let dname = ldns_dname_new_frm_str(hashedName.absolute) else { return false }
        defer { ldns_rdf_deep_free(dname) }
        return LDNSRRList.owner(of: rr) != hashedName && covers(rr, dname)
    }

    /// `ldns_nsec_covers_name`, for records it can read: ldns asserts (aborting the process) on
    /// an NSEC whose next name is no name, or an NSEC3 without a next hashed owner that reads
    /// as a label or at the root (found by the denial-proof fuzz target). Such a record covers
    /// nothing.
    static func covers(_ rr: UnsafePointer<ldns_rr>, _ name: UnsafePointer<ldns_rdf>) -> Bool {
        guard let owner = ldns_rr_owner(rr), ldns_rdf_get_type(owner) == LDNS_RDF_TYPE_DNAME else { return false }
        switch LDNSRRList.type(of: rr) {
        case .nsec:
            guard ldns_rr_rd_count(rr) >= 1, let next = ldns_rr_rdf(rr, 0), ldns_rdf_get_type(next) == LDNS_RDF_TYPE_DNAME else { return false }
        case .nsec3:
            guard ldns_dname_label_count(owner) >= 1, ldns_rr_rd_count(rr) >= 5, let next = ldns_nsec3_next_owner(rr) else { return false }
            guard let text = ldns_rdf2str(next) else { return false }
            defer { free(text) }
            guard let label = ldns_dname_new_frm_str(text) else { return false }
            ldns_rdf_deep_free(label)
        default:
            return false
        }
        return ldns_nsec_covers_name(rr, name)
    }

    static func optOut(_ rr: UnsafePointer<ldns_rr>) -> Bool { ldns_nsec3_optout(rr) }
}
