/// One probed address (schema `probe_address`): its verdict first, the times, the SMTP
/// dialogue's facts, the TLS session, how each TLSA record fared.
public struct ProbeAddressJSON: Codable, Sendable, Equatable {
    public struct TLS: Codable, Sendable, Equatable {
        public let version: String
        public let cipher: String
        public let group: String?
        public let signatureAlgorithm: String?
        public let signatureDigest: String?
        public let keyType: String?
        public let keyBits: Int?
        public let keyCurve: String?
        public let verifyError: String?
        public let matched: String?
        public let matchedDepth: Int?
        public let chain: [CertificateJSON]

        enum CodingKeys: String, CodingKey {
            case version, cipher, group, signatureAlgorithm = "signature_algorithm", signatureDigest = "signature_digest"
            case keyType = "key_type", keyBits = "key_bits", keyCurve = "key_curve", verifyError = "verify_error", matched, matchedDepth = "matched_depth", chain
        }
    }

    public struct RecordResult: Codable, Sendable, Equatable {
        public let record: String
        public let result: String
    }

    public let address: String
    public let port: UInt16
    public let verdict: String
    public let reason: String
    /// False when the host cannot be used and no connection was tried.
    public let attempted: Bool
    public let connectMs: Double?
    public let tlsMs: Double?
    public let greeting: String?
    public let starttlsOffered: Bool
    public let failure: String?
    public let tls: TLS?
    public let records: [RecordResult]
    /// The server's certificates of the other key types (`--key-types all`).
    public let keyTypes: [KeyTypeJSON]

    enum CodingKeys: String, CodingKey {
        case address, port, verdict, reason, attempted, connectMs = "connect_ms", tlsMs = "tls_ms", greeting
        case starttlsOffered = "starttls_offered", failure, tls, records, keyTypes = "key_types"
    }

    init(_ report: AddressReport, records: [TLSARecord], showChain: Bool) {
        let probe = report.probe
        address = probe.address.text
        port = probe.port
        verdict = report.verdict.rawValue
        reason = report.reason
        attempted = probe.attempted
        connectMs = probe.connectMilliseconds.map(Self.rounded)
        tlsMs = probe.deliveryMilliseconds.map(Self.rounded)
        greeting = probe.transcript.greeting?.description
        starttlsOffered = probe.transcript.starttlsOffered
        failure = probe.transcript.failure?.description
        tls = probe.tls.map { tls in
            TLS(version: tls.version, cipher: tls.cipher, group: tls.group, signatureAlgorithm: tls.signatureAlgorithm,
                signatureDigest: tls.signatureDigest, keyType: tls.keyType, keyBits: tls.keyBits, keyCurve: tls.keyCurve,
                verifyError: tls.verifyError,
                matched: tls.daneMatch.map { "\($0.record)" }, matchedDepth: tls.daneMatch?.depth,
                chain: tls.chain.map { CertificateJSON($0, pem: showChain) })
        }
        self.records = zip(records, report.marks).map { RecordResult(record: "\($0.0)", result: "\($0.1)") }
        keyTypes = report.keyTypes.map { KeyTypeJSON($0, showChain: showChain) }
    }

    /// Milliseconds to the microsecond.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
