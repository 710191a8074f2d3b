import Foundation

/// One RRSIG as the chain report shows it: what it covers, which key made it, when it is valid,
/// and what checking it found (nil: not checked).
public struct SignatureSummary: Sendable, Hashable {
    public let covered: RecordType
    public let algorithm: UInt8
    public let keyTag: UInt16
    public let signer: DNSName
    /// The RRSIG labels field: fewer than the owner's labels means a wildcard expansion (RFC 4035 §5.3.4).
    public let labels: UInt8
    public let inception: Date
    public let expiration: Date
    public let result: SignatureResult

    public init(covered: RecordType, algorithm: UInt8, keyTag: UInt16, signer: DNSName, labels: UInt8 = 0, inception: Date,
                expiration: Date, result: SignatureResult) {
        self.covered = covered
        self.algorithm = algorithm
        self.keyTag = keyTag
        self.signer = signer
        self.labels = labels
        self.inception = inception
        self.expiration = expiration
        self.result = result
    }
}
