import CLDNS

/// An ldns failure, with ldns's words for it.
struct LDNSError: Error, CustomStringConvertible {
    let status: ldns_status
    var description: String { LDNSStatus.message(status) }
}
