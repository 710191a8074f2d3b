/// One rollover-health finding about a host's TLSA records and certificates. Warnings change no
/// verdict; `check --strict` makes them fail the run.
public struct RolloverWarning: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A record that matches no certificate on any address of the host.
        case stale
        /// The current certificate is matched by one record only: a key change defers mail.
        case noBackup = "no-backup"
        /// Addresses of one host present different certificates.
        case differentCertificates = "different-certificates"
        /// A certificate (or DANE-TA anchor) expires within --warn-days, or has expired.
        case expiring
        /// Every record is "3 0 x": it breaks on every renewal.
        case wholeCertificateOnly = "certificate-only"
        /// Every record is "2 x x" and the trust anchor is a public CA.
        case publicCAOnly = "public-ca-only"
        /// Every DANE-TA record pins an intermediate CA, none the root, and no DANE-EE record is
        /// published: CAs rotate intermediates, so a renewal may come from one no record covers.
        case intermediateOnly = "intermediate-ca-only"
        /// A certificate the server holds for another key type (RSA, ECDSA) than the default
        /// handshake got fails DANE (or PKIX): senders that negotiate that type defer.
        case keyTypeUnmatched = "key-type-unmatched"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
