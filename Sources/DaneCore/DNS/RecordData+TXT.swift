/// TXT data as the records that use it read it: MTA-STS (RFC 8461 §3.1) and TLSRPT (RFC 8460
/// §3) join a record's strings with nothing between them. Bytes that are not UTF-8 become
/// U+FFFD (their parsers then reject the record); an escape such as `\\DDD` in presentation
/// format never arises: the bytes come from the wire.
extension RecordData {
    /// The strings of a TXT record, joined; nil for any other type.
    public var txtText: String? {
        guard case .txt(let strings) = self else { return nil }
        return String(decoding: strings.joined(), as: UTF8.self)
    }
}
