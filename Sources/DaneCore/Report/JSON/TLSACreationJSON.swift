import Foundation

/// `danecheck tlsa create --json` (schema `tlsa_create`).
public struct TLSACreationJSON: Encodable {
    struct Certificate: Encodable {
        let depth: Int
        let subject: String
        let notAfter: String?
        let sha256: String
        enum CodingKeys: String, CodingKey { case depth, subject, notAfter = "not_after", sha256 }
    }

    struct Record: Encodable {
        let usage: UInt8
        let selector: UInt8
        let matching: UInt8
        let data: String
        let zoneLine: String
        let verifiedDepth: Int
        let certificate: Certificate
        enum CodingKeys: String, CodingKey { case usage, selector, matching, data, zoneLine = "zone_line", verifiedDepth = "verified_depth", certificate }
    }

    let schemaVersion = JSONOutput.schemaVersion
    let command = "tlsa create"
    let owner: String
    let ttl: UInt32?
    let source: String
    let origin: String
    let baseDomain: String
    let records: [Record]
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", command, owner, ttl, source, origin, baseDomain = "base_domain", records
    }

    public init(_ creation: TLSACreation) {
        owner = creation.owner.text
        ttl = creation.ttl
        source = creation.source
        origin = creation.origin
        baseDomain = creation.baseDomain.text
        records = zip(zip(creation.records, creation.verifiedDepths), creation.zoneLines).map { pair, line in
            let (generated, depth) = pair
            let cert = generated.certificate
            return Record(usage: generated.record.usage, selector: generated.record.selector, matching: generated.record.matchingType,
                          data: generated.record.hexData, zoneLine: String(line.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces),
                          verifiedDepth: depth,
                          certificate: Certificate(depth: cert.depth, subject: cert.subject,
                                                   notAfter: cert.notAfter.map(TimeFormat.timestamp), sha256: cert.sha256Certificate))
        }
    }
}
