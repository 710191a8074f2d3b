/// A TLSA record with its usability for SMTP.
public struct TLSAEntry: Sendable, Hashable {
    public let record: TLSARecord
    public let usability: TLSAUsability

    public init(record: TLSARecord) {
        self.record = record
        self.usability = SMTPTLSAUsabilityRule.evaluate(record)
    }
}
