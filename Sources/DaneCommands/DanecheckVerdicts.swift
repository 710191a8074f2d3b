import DaneCore

/// The verdict words, one table for every command that prints them: `--help` of `probe`,
/// `domain` and `check` and of the root shows it, scripts/docs.sh turns it into the man page's
/// VERDICTS section, README quotes it. Each word with what Postfix logs or does for the same
/// case (its TLS levels and Verified/Trusted/Untrusted/Anonymous) and what Momentum does.
public enum DanecheckVerdicts {
    public static let summary = """
        VERDICTS (every command that probes; Postfix's word, Momentum's behaviour)
          authenticated  usable TLSA from a secure DNS path and OpenSSL's DANE
                         verification succeeded. Postfix: Verified (level dane).
                         Momentum: delivers, DANE validated.
          verified       a chain to a trusted CA and the reference name matched
                         (--tls-verify host, an MTA-STS enforce policy). Postfix:
                         Verified (level verify or secure). Momentum: delivers,
                         certificate verified.
          trusted        a chain to a trusted CA without a name check (--tls-verify
                         ca), or a DANE match from records not from a secure DNS
                         path (--insecure-mx dane, probe --tlsa). Postfix: Trusted.
                         Momentum: delivers.
          encrypted      TLS mandatory and done, unauthenticated: TLSA present but
                         none usable, or --tls required. Postfix: Untrusted (level
                         encrypt, or dane with no usable TLSA). Momentum: delivers
                         over TLS.
          opportunistic  no DANE: TLS if offered, plaintext otherwise. Postfix:
                         Untrusted or Anonymous (level may). Momentum: delivers.
          defer          the mail stays queued: TLS mandatory but missing or
                         failed, DANE verification failed, a lookup bogus or
                         unanswered. Postfix: deferred. Momentum: temporary
                         failure, kept in the queue.
          undeliverable  no mail can be delivered: NXDOMAIN, null MX, no address.
                         Postfix: bounced. Momentum: permanent failure.
          unknown        the resolver does not validate DNSSEC, so no status is
                         known (--validation local validates here). Postfix:
                         DANE unavailable ("DNSSEC validation may be
                         unavailable"), level may. Momentum: no DANE.
        """

    /// The words the table defines, in its order (a test holds it to `Verdict.probeWords`).
    public static var words: [String] {
        summary.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = trimmed.split(separator: " ").first else { return nil }
            return String(word)
        }
    }
}
