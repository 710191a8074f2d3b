/// The overall outcome of a report, which the executable maps to an exit code.
public enum ReportOutcome: Sendable, Hashable {
    /// The report was produced (bogus lookups included: they are shown, not hidden).
    case reported
    /// Some lookup got no answer (resolver unreachable, timeout, unexplained SERVFAIL).
    case indeterminate
    /// The domain does not exist or accepts no mail (NXDOMAIN, null MX, no address at all).
    case noMail
}
