import Foundation

/// The JSON form of a `HostProbeReport` (`danecheck probe --json`); schema in README and man page.
public struct ProbeJSON: Codable, Sendable, Equatable {
    public struct Certificate: Codable, Sendable, Equatable {
        public let depth: Int
        public let subject: String
        public let issuer: String
        public let notBefore: String?
        public let notAfter: String?
        public let names: [String]
        public let sha256: String
        public let spkiSha256: String
    }

    public struct RecordResult: Codable, Sendable, Equatable {
        public let record: String
        public let result: String
    }

    public struct TLS: Codable, Sendable, Equatable {
        public let version: String
        public let cipher: String
        public let verifyError: String?
        public let matched: String?
        public let matchedDepth: Int?
        public let chain: [Certificate]
    }

    public struct Address: Codable, Sendable, Equatable {
        public let address: String
        public let port: UInt16
        public let verdict: String
        public let reason: String
        public let connectMs: Double?
        public let tlsMs: Double?
        public let greeting: String?
        public let starttlsOffered: Bool
        public let failure: String?
        public let tls: TLS?
        public let records: [RecordResult]
    }

    public let host: String?
    public let policy: String
    public let policyReason: String?
    public let baseDomain: String?
    public let recordsGiven: Bool
    public let verdict: String
    public let reason: String
    public let addresses: [Address]
    /// Rollover health: {kind, message} per warning.
    public let warnings: [Warning]

    public struct Warning: Codable, Sendable, Equatable {
        public let kind: String
        public let message: String
    }

    public init(_ report: HostProbeReport) {
        host = report.name?.text
        policy = report.policy.keyword
        policyReason = report.policy.reason
        baseDomain = report.policy.expectation?.baseDomain.text
        recordsGiven = report.recordsGiven
        (verdict, reason) = { let v = report.verdict; return (v.0.rawValue, v.1) }()
        addresses = report.addresses.map { Self.address($0, records: report.records) }
        warnings = report.warnings.map { Warning(kind: $0.kind.rawValue, message: $0.message) }
    }

    static func address(_ report: AddressReport, records: [TLSARecord]) -> Address {
        let probe = report.probe
        let stamp = ISO8601DateFormatter()
        let tls = probe.tls.map { tls in
            TLS(version: tls.version, cipher: tls.cipher, verifyError: tls.verifyError,
                matched: tls.daneMatch.map { "\($0.record)" }, matchedDepth: tls.daneMatch?.depth,
                chain: tls.chain.map {
                    Certificate(depth: $0.depth, subject: $0.subject, issuer: $0.issuer,
                                notBefore: $0.notBefore.map(stamp.string), notAfter: $0.notAfter.map(stamp.string),
                                names: $0.names, sha256: $0.sha256Certificate, spkiSha256: $0.sha256PublicKey)
                })
        }
        return Address(address: probe.address.text, port: probe.port, verdict: report.verdict.rawValue,
                       reason: report.reason, connectMs: probe.connectMilliseconds, tlsMs: probe.deliveryMilliseconds,
                       greeting: probe.transcript.greeting?.description, starttlsOffered: probe.transcript.starttlsOffered,
                       failure: probe.transcript.failure?.description, tls: tls,
                       records: zip(records, report.marks).map { RecordResult(record: "\($0.0)", result: "\($0.1)") })
    }
}
