/// `tlsa verify`: will these chains match these TLSA records. Where the records come from
/// (given, or the RRset in DNS with its status), each chain's judgement, and the answer: pass
/// only when every chain passes and the records, if looked up, are secure.
public struct TLSAVerification: Sendable {
    public enum Source: Sendable {
        /// Typed with --record: not looked up, nothing to validate.
        case given
        /// The TLSA lookup at `_PORT._tcp.HOST` (CNAMEs followed).
        case dns(Lookup)
    }

    public let host: DNSName
    /// The reference identifiers DANE-TA checks: the TLSA base domain (HOST), then the others.
    public let names: [DNSName]
    public let source: Source
    public let records: [TLSARecord]
    public let judgements: [ChainJudgement]

    public init(host: DNSName, names: [DNSName], source: Source, records: [TLSARecord], judgements: [ChainJudgement]) {
        self.host = host
        self.names = names
        self.source = source
        self.records = records
        self.judgements = judgements
    }

    /// Why the records themselves cannot pass, whatever the chains: an RRset that is insecure
    /// (DANE does not apply), bogus, unanswered, or empty. nil for given records and a secure RRset.
    public var recordsProblem: String? {
        guard case .dns(let lookup) = source else { return nil }
        switch (lookup.status, lookup.answer) {
        case (.bogus, _), (.indeterminate, _), (_, .failed): return "the TLSA lookup failed: \(lookup.failureText)"
        case (.insecure, .records):
            return "the TLSA RRset at \(lookup.owner.text) is insecure: DANE does not apply (RFC 7672 §2.2), whatever matches"
        case (.insecure, _): return "no TLSA records at \(lookup.name.text) (insecure denial)"
        case (.secure, .records): return nil
        case (.secure, _): return "no TLSA records at \(lookup.name.text) (secure denial)"
        }
    }

    /// Whether it is safe: the records are usable where they come from and every chain passes.
    public var passes: Bool { recordsProblem == nil && !judgements.isEmpty && judgements.allSatisfy(\.passes) }

    /// The final line's words after "pass: " or "fail: ".
    public var reason: String {
        if let problem = recordsProblem { return problem }
        if judgements.count == 1 { return judgements[0].reason }
        if let failing = judgements.first(where: { !$0.passes }) {
            return "the \(failing.label) (\(failing.origin)): \(failing.reason)"
        }
        return "the records match " + judgements.map { "the \($0.label) (\($0.origin))" }.joined(separator: " and ")
            + ": the certificate can be swapped"
    }

    /// How a run that verified ends: a lookup without an answer is indeterminate, anything else
    /// that does not pass would defer mail.
    public var exitClass: ExitClass {
        if passes { return .ok }
        if case .dns(let lookup) = source, lookup.status == .indeterminate { return .indeterminate }
        return .deferred
    }
}
