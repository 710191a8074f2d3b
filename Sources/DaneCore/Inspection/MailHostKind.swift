/// How a domain names its mail hosts (RFC 5321 §5.1, RFC 7505, RFC 7672 §2.2.2).
public enum MailHostKind: String, Sendable, Codable {
    /// One or more MX records.
    case mx
    /// No MX RRset: the domain is its own mail host.
    case implicit
    /// MX 0 "." (RFC 7505): the domain accepts no mail.
    case nullMX = "null-mx"
    /// The domain does not exist.
    case nxDomain = "nxdomain"
    /// The MX lookup failed (bogus or indeterminate).
    case failed
}
