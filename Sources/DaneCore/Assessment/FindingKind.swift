/// Every kind of finding, one list: the JSON `warnings[].kind` words (the schema's enum is this
/// list), each with its severity and what it means (`check --help`, the man page, README). A
/// kind's severity is fixed: the same finding weighs the same in every face.
public enum FindingKind: String, Sendable, Hashable, CaseIterable {
    // Rollover health of an MX host (RFC 7671 §8, RFC 7672 §3.1): risks before they defer mail.
    case stale
    case noBackup = "no-backup"
    case differentCertificates = "different-certificates"
    case expiring
    case certificateOnly = "certificate-only"
    case publicCAOnly = "public-ca-only"
    case intermediateCAOnly = "intermediate-ca-only"
    case keyTypeUnmatched = "key-type-unmatched"
    // Expiry within the monitoring thresholds, or past.
    case certificateExpired = "certificate-expired"
    case rrsigExpiring = "rrsig-expiring"
    case rrsigExpired = "rrsig-expired"
    /// A lookup of the domain validated as bogus, though mail still leaves through another host.
    case bogusLookup = "bogus-lookup"
    // What the domain publishes beside its MX records.
    case noTLSRPT = "no-tlsrpt"
    case mtaSTSUnavailable = "mta-sts-unavailable"
    case mtaSTSTesting = "mta-sts-testing"
    case nullMXBesideOthers = "null-mx-beside-others"
    // What the resolvers answered.
    case resolverDoesNotValidate = "resolver-does-not-validate"
    case resolverDeniesRoot = "resolver-denies-root"
    case resolverRefusesRoot = "resolver-refuses-root"
    case resolverDidNotValidate = "resolver-did-not-validate"
    case untrustedNXDomain = "untrusted-nxdomain"
    // The run, not a domain.
    case outboundPortBlocked = "outbound-port-blocked"

    public var severity: Severity {
        switch self {
        case .stale, .noBackup, .differentCertificates, .expiring, .certificateOnly, .publicCAOnly, .intermediateCAOnly,
             .keyTypeUnmatched, .rrsigExpiring:
            .warning
        case .certificateExpired, .rrsigExpired, .bogusLookup:
            .critical
        case .noTLSRPT, .mtaSTSUnavailable, .mtaSTSTesting, .nullMXBesideOthers, .resolverDoesNotValidate, .resolverDeniesRoot,
             .resolverRefusesRoot, .resolverDidNotValidate, .untrustedNXDomain, .outboundPortBlocked:
            .notice
        }
    }

    /// What the kind means, in one line (`check --help`, README).
    public var meaning: String {
        switch self {
        case .stale: "a TLSA record matches no certificate the host presents"
        case .noBackup: "the certificate in use is matched by one record only: a key change defers mail"
        case .differentCertificates: "addresses of one host present different certificates"
        case .expiring: "a certificate or matched DANE-TA anchor expires within --warn-days"
        case .certificateOnly: "every record is 3 0 x: each renewal breaks it"
        case .publicCAOnly: "every record is DANE-TA of a public CA"
        case .intermediateCAOnly: "DANE-TA records pin intermediate CAs only"
        case .keyTypeUnmatched: "a certificate of another key type (RSA, ECDSA) fails"
        case .certificateExpired: "a server certificate has expired"
        case .rrsigExpiring: "an RRSIG of the domain expires within --rrsig-warn-days"
        case .rrsigExpired: "an RRSIG of the domain has expired"
        case .bogusLookup: "a lookup is bogus, though mail leaves through another host"
        case .noTLSRPT: "DANE or MTA-STS published without a valid TLSRPT record"
        case .mtaSTSUnavailable: "--mta-sts: the domain's policy could not be had"
        case .mtaSTSTesting: "MTA-STS testing mode: what enforce would change"
        case .nullMXBesideOthers: "a null MX beside other MX records"
        case .resolverDoesNotValidate: "a resolver does not validate DNSSEC"
        case .resolverDeniesRoot: "a resolver answers NXDOMAIN for the root zone"
        case .resolverRefusesRoot: "a resolver refuses the root zone"
        case .resolverDidNotValidate: "a resolver answered signed data without validating it"
        case .untrustedNXDomain: "an NXDOMAIN that cannot be trusted"
        case .outboundPortBlocked: "this network looks to block outbound port 25"
        }
    }

    /// The kind of a rollover-health warning.
    public init(_ kind: RolloverWarning.Kind) {
        switch kind {
        case .stale: self = .stale
        case .noBackup: self = .noBackup
        case .differentCertificates: self = .differentCertificates
        case .expiring: self = .expiring
        case .wholeCertificateOnly: self = .certificateOnly
        case .publicCAOnly: self = .publicCAOnly
        case .intermediateOnly: self = .intermediateCAOnly
        case .keyTypeUnmatched: self = .keyTypeUnmatched
        }
    }

    /// The table `danecheck --help` and `check --help` (and through them the man page) carry:
    /// each kind, then its severity and meaning, wrapped to 79 columns.
    public static var summary: String {
        "FINDINGS (check: under each domain; JSON warnings[].kind; Nagios; the exporter)\n"
            + allCases.map { kind in
                var lines = ["  \(kind.rawValue)"], line = "      "
                for word in "\(kind.severity.rawValue): \(kind.meaning)".split(separator: " ") {
                    if line.count + word.count + 1 > 79 {
                        lines.append(line)
                        line = "      "
                    }
                    line += " " + word
                }
                return (lines + [line]).joined(separator: "\n")
            }.joined(separator: "\n")
    }
}
