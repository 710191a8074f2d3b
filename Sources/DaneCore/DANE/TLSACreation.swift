/// The records `danecheck tlsa create` made, the chain they came from, and where it came from.
public struct TLSACreation: Sendable {
    public let owner: DNSName
    public let ttl: UInt32?
    /// "file" or "host".
    public let source: String
    /// The chain file, or the address whose chain was used.
    public let origin: String
    public let baseDomain: DNSName
    public let records: [TLSARecordGenerator.Generated]
    /// The depth OpenSSL's DANE verification matched each record at (same order).
    public let verifiedDepths: [Int]

    public init(owner: DNSName, ttl: UInt32?, source: String, origin: String, baseDomain: DNSName,
                records: [TLSARecordGenerator.Generated], verifiedDepths: [Int]) {
        self.owner = owner
        self.ttl = ttl
        self.source = source
        self.origin = origin
        self.baseDomain = baseDomain
        self.records = records
        self.verifiedDepths = verifiedDepths
    }

    /// Zone-file lines, each with a comment naming what it pins.
    public var zoneLines: [String] {
        zip(records, verifiedDepths).map { generated, depth in
            let ttlText = ttl.map { " \($0)" } ?? ""
            let whose = generated.record.usage == 3 ? "server" : "issuing CA"
            let pinned = generated.record.selector == 1 ? "key" : "certificate"
            return "\(owner.absolute)\(ttlText) IN TLSA \(generated.record) ; \(whose) \(pinned): \(generated.certificate.subject); verified at depth \(depth)"
        }
    }
}
