import CLDNS

/// Turns an ldns status code into words.
enum LDNSStatus {
    /// ldns's own error string (for failures that are ldns's, not a server's).
    static func message(_ status: ldns_status) -> String {
        guard let text = ldns_get_errorstr_by_id(status) else { return "ldns error \(status.rawValue)" }
        return String(cString: text)
    }

    /// What is wrong with a DNS message ldns could not parse, in words about the message.
    static func messageProblem(_ status: ldns_status) -> String {
        switch status {
        case LDNS_STATUS_WIRE_INCOMPLETE_HEADER: "the message is shorter than a DNS header"
        case LDNS_STATUS_WIRE_INCOMPLETE_QUESTION: "the message ends inside its question section"
        case LDNS_STATUS_WIRE_INCOMPLETE_ANSWER: "the message ends inside its answer section"
        case LDNS_STATUS_WIRE_INCOMPLETE_AUTHORITY: "the message ends inside its authority section"
        case LDNS_STATUS_WIRE_INCOMPLETE_ADDITIONAL: "the message ends inside its additional section"
        case LDNS_STATUS_PACKET_OVERFLOW: "a record runs past the end of the message"
        case LDNS_STATUS_INVALID_POINTER: "a name holds a compression pointer that points nowhere valid"
        case LDNS_STATUS_LABEL_OVERFLOW: "a name holds a label longer than 63 octets"
        case LDNS_STATUS_DOMAINNAME_OVERFLOW: "a name in it is longer than 255 octets"
        case LDNS_STATUS_WIRE_RDATA_ERR: "a record's data does not fit its type"
        default: "it cannot be parsed (\(message(status)))"
        }
    }

    static func isSuccess(_ status: ldns_status) -> Bool { status == LDNS_STATUS_OK }
}
