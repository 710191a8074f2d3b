import CLDNS

/// Turns an ldns status code into words (ldns's own error strings).
enum LDNSStatus {
    static func message(_ status: ldns_status) -> String {
        guard let text = ldns_get_errorstr_by_id(status) else { return "ldns error \(status.rawValue)" }
        return String(cString: text)
    }

    static func isSuccess(_ status: ldns_status) -> Bool { status == LDNS_STATUS_OK }
}
