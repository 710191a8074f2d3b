/// One more handshake with an address (made beside the default one), offering only one kind of
/// certificate key's signature algorithms (RSA, ECDSA), its chain judged for the host's policy
/// like the default one's. The verdict follows the default handshake (what a stock OpenSSL
/// client gets); this says what a sender that negotiates the other kind gets.
public struct KeyTypeReport: Sendable, Hashable {
    public enum Finding: Sendable, Hashable {
        /// The server holds no certificate of this kind: the restricted handshake failed.
        case notHeld
        /// The probe ended before a handshake was tried (a timeout, a refusal): nothing known.
        case unchecked(String)
        /// OpenSSL's DANE verification (or the PKIX check) passed for this certificate.
        case matched(DANEMatch?)
        /// It failed: senders that negotiate this kind defer. The reason in words.
        case unmatched(String)
    }

    public let keyType: CertificateKeyType
    public let probe: AddressProbe
    public let finding: Finding
    /// How each record of the host fared against this certificate's chain (same order).
    public let marks: [RecordMark]

    public init(keyType: CertificateKeyType, probe: AddressProbe, finding: Finding, marks: [RecordMark]) {
        self.keyType = keyType
        self.probe = probe
        self.finding = finding
        self.marks = marks
    }

    /// "no RSA certificate", "matches 3 1 1 2b30…", "matches no TLSA record: …".
    public var line: String {
        switch finding {
        case .notHeld: "no \(keyType.rawValue) certificate"
        case .unchecked(let why): "not checked: \(why)"
        case .matched(let match?): "\(ChainJudgement.short(match.record)) matches at depth \(match.depth)"
        case .matched(nil): "passes the PKIX check"
        case .unmatched(let why): why
        }
    }
}
