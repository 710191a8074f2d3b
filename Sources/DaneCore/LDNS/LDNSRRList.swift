import CLDNS
import Foundation

/// Owns an ldns record list (deep-freed with it); the records are copies owned by the list and
/// handed out as `LDNSRecord`s, which keep the list alive. Built once (parsed or filled by
/// copying), then only read: shared between tasks as it is.
final class LDNSRRList: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<ldns_rr_list>

    init() {
        pointer = ldns_rr_list_new()
    }

    /// Parses records in presentation format, one per string.
    convenience init(parsing lines: [String]) throws(LDNSError) {
        self.init()
        for line in lines {
            var rr: UnsafeMutablePointer<ldns_rr>?
            let status = ldns_rr_new_frm_str(&rr, line, 3600, nil, nil)
            guard LDNSStatus.isSuccess(status), let rr else { throw LDNSError(status: status) }
            _ = ldns_rr_list_push_rr(pointer, rr)
        }
    }

    deinit { ldns_rr_list_deep_free(pointer) }

    var count: Int { ldns_rr_list_rr_count(pointer) }
    var isEmpty: Bool { count == 0 }

    /// The records, each keeping this list (their owner) alive.
    var records: [LDNSRecord] {
        (0..<count).compactMap { ldns_rr_list_rr(pointer, $0).map { LDNSRecord($0, in: self) } }
    }

    /// A list of copies of these records (while it is being built: it is not shared yet).
    convenience init(copying records: [LDNSRecord]) {
        self.init()
        for record in records { append(copyOf: record.pointer) }
    }

    func append(copyOf rr: UnsafePointer<ldns_rr>) {
        if let copy = ldns_rr_clone(rr) { _ = ldns_rr_list_push_rr(pointer, copy) }
    }

    /// The records for which `keep` is true, copied.
    func filter(_ keep: (LDNSRecord) -> Bool) -> LDNSRRList {
        LDNSRRList(copying: records.filter(keep))
    }

    static func text(_ rr: UnsafePointer<ldns_rr>) -> String {
        guard let cString = ldns_rr2str(rr) else { return "" }
        defer { cldns_free_string(cString) }
        return String(cString: cString).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func owner(of rr: UnsafePointer<ldns_rr>) -> DNSName {
        DNSName(dnsText: LDNSRData.text(ldns_rr_owner(rr)))
    }

    /// ldns reads "TYPE2415199" from text into a value no wire format can hold: such a type is
    /// none danecheck knows (TYPE0), not a crash (found by the trust-anchor fuzz target).
    static func type(of rr: UnsafePointer<ldns_rr>) -> RecordType {
        RecordType(rawValue: UInt16(exactly: ldns_rr_get_type(rr).rawValue) ?? 0)
    }
}
