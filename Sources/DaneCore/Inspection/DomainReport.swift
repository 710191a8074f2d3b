/// Everything `danecheck domain` found for one domain, as plain values.
public struct DomainReport: Sendable, Hashable {
    public let domain: DNSName
    public let resolvers: [ResolverReport]
    public let mx: Lookup
    public let kind: MailHostKind
    /// MX hosts in preference order (equal preferences by name); one host for an implicit MX.
    public let hosts: [HostReport]
    /// Who decided the +dnssec flags: the resolver's AD bit, or validation here.
    public let validation: ValidationMode
    /// The MTA-STS lookup, when one was made.
    public let mtaSTS: MTASTSReport?

    public init(domain: DNSName, resolvers: [ResolverReport], mx: Lookup, kind: MailHostKind, hosts: [HostReport],
                validation: ValidationMode = .resolver, mtaSTS: MTASTSReport? = nil) {
        self.domain = domain
        self.resolvers = resolvers
        self.mx = mx
        self.kind = kind
        self.hosts = hosts
        self.validation = validation
        self.mtaSTS = mtaSTS
    }

    /// Every lookup made, MX first.
    public var lookups: [Lookup] {
        [mx] + hosts.flatMap { $0.addressLookups + [$0.cnameLookup].compactMap { $0 } + $0.tlsa.attempts }
    }

    public var warnings: [String] { resolvers.compactMap(\.warning) + [nullMXWarning].compactMap { $0 } }

    /// The other exchanges of an MX RRset that holds a null MX (RFC 7505 §3: there must be none).
    public var hostsBesideNullMX: [DNSName] {
        guard kind == .nullMX else { return [] }
        return mx.records.compactMap { record in
            if case .mx(_, let exchange) = record, exchange.absolute != "." { return exchange }
            return nil
        }
    }

    /// "null MX beside 1 other MX record (mx.example.com): …", nil for a well-formed RRset.
    public var nullMXWarning: String? {
        let others = hostsBesideNullMX
        guard !others.isEmpty else { return nil }
        let names = others.prefix(3).map { BoundedText.prefix($0.text, limit: 60) }.joined(separator: ", ") + (others.count > 3 ? ", …" : "")
        return "null MX beside \(others.count) other MX record\(others.count == 1 ? "" : "s") (\(names)): "
            + "a misconfiguration (RFC 7505 §3); a client that finds a null MX delivers no mail (RFC 7505 §4.1)"
    }

    /// Why no DNSSEC status is known (the resolvers do not validate), nil when it is.
    public var unvalidated: String? { ResolverReport.unvalidated(resolvers, mode: validation) }

    /// How a run that shows this report (without probes) ends, by what DNS says of the mail:
    /// no mail for NXDOMAIN, null MX or no host with an address; deferred when the MX lookup is
    /// bogus or every host is unusable (its address or TLSA lookups failed, §2.1.2), indeterminate
    /// when that is for want of an answer or the resolvers do not validate (exit codes in
    /// `DanecheckExit`).
    public var outcome: ExitClass {
        if unvalidated != nil { return .indeterminate }
        switch kind {
        case .nxDomain, .nullMX:
            return .noMail
        case .failed:
            return mx.status == .indeterminate ? .indeterminate : .deferred
        case .mx, .implicit:
            break
        }
        if hosts.allSatisfy({ host in host.addressLookups.allSatisfy(\.isDenial) }) { return .noMail }
        let failures = hosts.map(\.unusableBecause)
        guard failures.allSatisfy({ $0 != nil }) else { return .ok }
        return failures.allSatisfy({ $0 == .indeterminate }) ? .indeterminate : .deferred
    }

    /// How a run that shows this report and its probes (`check`) ends: as the report, else
    /// deferred when the domain defers.
    public func outcome(probed check: DomainCheck?) -> ExitClass {
        guard outcome == .ok, let check else { return outcome }
        return check.verdict.verdict == .defer ? .deferred : .ok
    }
}
