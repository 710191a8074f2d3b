import Foundation

/// One RRSIG as the chain report shows it: what it covers, which key made it, when it is valid,
/// and what checking it found (nil: not checked).
public struct SignatureSummary: Sendable, Hashable {
    public let covered: String
    public let algorithm: UInt8
    public let keyTag: UInt16
    public let signer: DNSName
    public let inception: Date
    public let expiration: Date
    /// "ok", or why it does not validate the RRset.
    public let result: String

    public init(covered: String, algorithm: UInt8, keyTag: UInt16, signer: DNSName, inception: Date,
                expiration: Date, result: String) {
        self.covered = covered
        self.algorithm = algorithm
        self.keyTag = keyTag
        self.signer = signer
        self.inception = inception
        self.expiration = expiration
        self.result = result
    }
}
