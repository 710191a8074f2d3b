/// Why one address got its verdict, as values: `AddressVerdictRule` decides it, and its
/// `description` is the one line every face prints. Causes are grouped and counted by what they
/// are (a refused connection, a DANE mismatch), never by their words.
public enum AddressCause: Sendable, Hashable, CustomStringConvertible {
    /// The host cannot be used (a failed lookup, an MTA-STS policy that leaves it out): its
    /// addresses are not connected to (RFC 7672 §2.1.2).
    case hostUnusable(String)
    /// The session failed after TLS was established.
    case afterTLS(SMTPTranscript.Failure)
    /// No TLSA record (or given record) matched: what OpenSSL found, explained.
    case noMatch(String)
    /// OpenSSL's DANE verification matched `record` at `depth`; `trustedBecause`: why the match is
    /// only trusted (an insecure MX RRset, records given on the command line).
    case matched(TLSARecord, depth: Int, session: String, trustedBecause: String?)
    /// PKIX verification failed (`policy`: why PKIX was asked).
    case pkixFailed(String, policy: String)
    /// A chain to a trusted CA; `hostname`: the name checked, nil when none was.
    case pkixVerified(session: String, hostname: DNSName?, policy: String)
    /// TLS done, nothing authenticated, and none asked (TLS mandatory without authentication).
    case unauthenticated(session: String, reason: String)
    /// tls=disabled: no TLS at all.
    case plaintext(String)
    /// Opportunistic TLS without authentication.
    case opportunistic(session: String, reason: String)
    /// No TLS session, for `missing`; `mandatory`: why TLS was (or was not) required. When it
    /// was not, mail leaves in plaintext (`delivers`).
    case withoutTLS(TLSMissing, mandatory: String, delivers: Bool)
    /// No TLS session, and nothing more specific to say (the transcript's failure, if any).
    case noSession(SMTPTranscript.Failure?)

    /// Why a session has no TLS.
    public enum TLSMissing: Sendable, Hashable, CustomStringConvertible {
        case refused(SMTPReply)
        case handshake(ProbeFailure)
        case starttls(ProbeFailure)
        case notOffered

        public var description: String {
            switch self {
            case .refused(let reply): "STARTTLS refused: \(reply)"
            case .handshake(let failure): failure.description
            case .starttls(let failure): "STARTTLS: \(failure)"
            case .notOffered: "STARTTLS not offered"
            }
        }
    }

    public var description: String {
        switch self {
        case .hostUnusable(let reason): reason
        case .afterTLS(let failure): "after TLS: \(failure)"
        case .noMatch(let explanation): explanation
        case .matched(let record, let depth, let session, let trustedBecause):
            "\(record.usage) \(record.selector) \(record.matchingType) matched at depth \(depth) (\(session))"
                + (trustedBecause.map { "; \($0): trusted, not authenticated" } ?? "")
        case .pkixFailed(let error, let policy): "certificate verification failed: \(error) (\(policy))"
        case .pkixVerified(let session, let hostname, let policy):
            hostname.map { "\(session), chain verified by the CA store, name \($0.text) matches (\(policy))" }
                ?? "\(session), chain verified by the CA store, no name checked (\(policy))"
        case .unauthenticated(let session, let reason): "\(session), unauthenticated: \(reason)"
        case .plaintext(let reason): "plaintext: \(reason)"
        case .opportunistic(let session, let reason): "\(session) without authentication: \(reason)"
        case .withoutTLS(let missing, let mandatory, let delivers):
            delivers ? "\(missing): an MTA delivers in plaintext; \(mandatory)" : "\(missing); \(mandatory)"
        case .noSession(let failure): failure?.description ?? "no TLS session"
        }
    }

    /// "3 1 1 at depth 0" for a DANE match ("…; REASON" when only trusted): the short form a
    /// domain's verdict line gives; nil for any other cause.
    public var shortMatch: String? {
        guard case .matched(let record, let depth, _, let trustedBecause) = self else { return nil }
        return "\(record.usage) \(record.selector) \(record.matchingType) at depth \(depth)" + (trustedBecause.map { "; \($0)" } ?? "")
    }

    /// The failure of the transport (a connection refused or timed out, a reset), when that is
    /// the cause.
    public var transportFailure: ProbeFailure? {
        switch self {
        case .withoutTLS(.handshake(let failure), _, _), .withoutTLS(.starttls(let failure), _, _): failure
        case .noSession(.transport(_, let failure)?), .afterTLS(.transport(_, let failure)): failure
        default: nil
        }
    }
}
