/// How a run ends, by what it found; the executable maps each class to an exit code
/// (`DanecheckExit`), so every face ends the same way for the same finding.
public enum ExitClass: Sendable, Hashable {
    /// The report was produced and mail is delivered (bogus lookups included: they are shown).
    case ok
    /// Mail would be deferred.
    case deferred
    /// A DNS lookup got no answer (resolver unreachable, timeout, unexplained SERVFAIL).
    case indeterminate
    /// The domain does not exist or accepts no mail (NXDOMAIN, null MX, no address at all).
    case noMail
}

extension ExitClass {
    /// The word JSON uses: ok, deferred, indeterminate, no-mail.
    public var keyword: String {
        switch self {
        case .ok: "ok"
        case .deferred: "deferred"
        case .indeterminate: "indeterminate"
        case .noMail: "no-mail"
        }
    }
}

extension ExitClass {
    /// The class a JSON keyword names; nil for any other word.
    public init?(keyword: String) {
        guard let found = [ExitClass.ok, .deferred, .indeterminate, .noMail].first(where: { $0.keyword == keyword }) else { return nil }
        self = found
    }
}
