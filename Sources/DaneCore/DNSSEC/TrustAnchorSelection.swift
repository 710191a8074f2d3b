import CLDNS

/// Which configured trust anchors local validation uses, and which one a name rests on.
///
/// An anchor record must name an algorithm that is validated (a DS also a digest type that is
/// known); a zone whose anchor records all fail that is ignored, as if it had none: RFC 4035 §5.2
/// treats a DS of only unsupported algorithms "as it would the case of an authenticated NSEC
/// RRset proving that no DS RRset exists", RFC 6840 §5.2 extends that to unknown digest types,
/// and Unbound drops such an anchor ("the anchor is ignored"). What lies below is then judged
/// from the anchors above, if any, else insecure.
///
/// Of nested anchors (RFC 6840 §5.10 discusses the choice among them) the closest one above a
/// name is the one it rests on, as in Unbound.
struct TrustAnchorSelection: Sendable {
    /// The anchors in use.
    let usable: [TrustAnchor]
    /// The zones whose anchors are all ignored, for messages.
    let ignored: Set<DNSName>

    init(_ anchors: [TrustAnchor]) {
        let usable = anchors.filter(Self.isUsable)
        self.usable = usable
        ignored = Set(anchors.map(\.zone)).subtracting(usable.map(\.zone))
    }

    /// The closest anchored zone at or above `name`.
    func zone(covering name: DNSName) -> DNSName? {
        usable.map(\.zone).filter { name.isSubdomain(of: $0) }.max { $0.labelCount < $1.labelCount }
    }

    func records(of zone: DNSName) -> [String] {
        usable.filter { $0.zone == zone }.map(\.record)
    }

    static func isUsable(_ anchor: TrustAnchor) -> Bool {
        guard let list = try? LDNSRRList(parsing: [anchor.record]), let record = list.records.first else { return false }
        if record.type == RecordType.ds {
            let ds = record.delegationSigner
            return DNSSECAlgorithms.validates(ds.algorithm) && DNSSECAlgorithms.digests.contains(ds.digestType)
        }
        return record.type == RecordType.dnskey && DNSSECAlgorithms.validates(record.key.algorithm)
    }
}
