/// `danecheck chain --json` (schema `chain`): the answer, validated here, and every step of the
/// chain of trust from the anchor down.
public struct ChainJSON: Encodable {
    struct Key: Encodable {
        let kind: String
        /// DS or DNSKEY (an anchor is either).
        let type: String
        let keyTag: UInt16
        let algorithm: UInt8
        let flags: UInt16?
        let digestType: UInt16?
        let matched: Bool
        enum CodingKeys: String, CodingKey { case kind, type, keyTag = "key_tag", algorithm, flags, digestType = "digest_type", matched }
    }

    struct Signature: Encodable {
        let covered: String
        let keyTag: UInt16
        let algorithm: UInt8
        let signer: String
        let inception: String
        let expiration: String
        let result: String
        enum CodingKeys: String, CodingKey { case covered, keyTag = "key_tag", algorithm, signer, inception, expiration, result }
    }

    struct Step: Encodable {
        let kind: String
        let name: String
        let type: String
        let signer: String?
        let status: String
        let reason: String?
        let keys: [Key]
        let signatures: [Signature]
    }

    struct Anchor: Encodable {
        let zone: String
        let record: String
        let source: String
    }

    let schemaVersion = JSONOutput.schemaVersion
    let command = "chain"
    let name: String
    let type: String
    let status: String
    let reason: String?
    let owner: String
    let result: String
    let records: [String]
    let steps: [Step]
    let anchors: [Anchor]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, name, type, status, reason, owner, result, records, steps, anchors
    }

    public init(_ report: ChainReport) {
        name = report.name.text
        type = report.type.description
        status = report.status.rawValue
        reason = report.reason
        owner = report.lookup.owner.text
        result = report.lookup.answer.keyword
        records = report.lookup.records.map(RecordPresentation.text)
        steps = report.steps.map { step in
            Step(kind: step.kind.rawValue, name: step.name.text, type: step.type.description, signer: step.signer?.text,
                 status: step.status.rawValue, reason: step.reason,
                 keys: step.keys.map { key in
                     Key(kind: key.kind.rawValue, type: key.recordType.description, keyTag: key.keyTag, algorithm: key.algorithm,
                         flags: key.flags, digestType: key.digestType, matched: key.matched)
                 },
                 signatures: step.signatures.map { signature in
                     Signature(covered: signature.covered.description, keyTag: signature.keyTag, algorithm: signature.algorithm,
                               signer: signature.signer.text, inception: TimeFormat.timestamp(signature.inception),
                               expiration: TimeFormat.timestamp(signature.expiration), result: signature.result.description)
                 })
        }
        anchors = report.anchors.map { Anchor(zone: $0.zone.text, record: $0.record, source: $0.source) }
    }
}
