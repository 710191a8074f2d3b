/// `danecheck tlsa verify --json` (schema `tlsa_verify`): the answer first, then where the
/// records came from, the records, each chain's judgement.
public struct TLSAVerificationJSON: Encodable {
    struct Mark: Encodable {
        let record: String
        let result: String
    }

    struct Chain: Encodable {
        let label: String
        let origin: String
        let result: String
        let reason: String
        let matched: String?
        let matchedDepth: Int?
        let certificates: [CertificateJSON]
        let records: [Mark]
        enum CodingKeys: String, CodingKey {
            case label, origin, result, reason, matched, matchedDepth = "matched_depth", certificates, records
        }
    }

    let schemaVersion = JSONOutput.schemaVersion
    let command = "tlsa verify"
    let host: String
    let result: String
    let reason: String
    let names: [String]
    let recordsSource: String
    let tlsaLookup: LookupJSON?
    let records: [TLSARecordJSON]
    let chains: [Chain]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, host, result, reason, names, recordsSource = "records_source"
        case tlsaLookup = "tlsa_lookup", records, chains
    }

    public init(_ verification: TLSAVerification) {
        host = verification.host.text
        result = verification.passes ? "pass" : "fail"
        reason = verification.reason
        names = verification.names.map(\.text)
        switch verification.source {
        case .given:
            recordsSource = "given"
            tlsaLookup = nil
        case .dns(let lookup):
            recordsSource = "dns"
            tlsaLookup = LookupJSON(lookup)
        }
        records = verification.records.map { TLSARecordJSON(TLSAEntry(record: $0)) }
        chains = verification.judgements.map { judgement in
            Chain(label: judgement.label, origin: judgement.origin, result: judgement.passes ? "pass" : "fail", reason: judgement.reason,
                  matched: judgement.match.map { "\($0.record)" }, matchedDepth: judgement.match?.depth,
                  certificates: judgement.chain.map { CertificateJSON($0) },
                  records: zip(verification.records, judgement.marks).map { Mark(record: "\($0.0)", result: "\($0.1)") })
        }
    }
}
