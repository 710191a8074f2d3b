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
    /// The TLSRPT lookup (RFC 8460), when one was made.
    public let tlsRPT: TLSRPTReport?

    public init(domain: DNSName, resolvers: [ResolverReport], mx: Lookup, kind: MailHostKind, hosts: [HostReport],
                validation: ValidationMode = .resolver, mtaSTS: MTASTSReport? = nil, tlsRPT: TLSRPTReport? = nil) {
        self.domain = domain
        self.resolvers = resolvers
        self.mx = mx
        self.kind = kind
        self.hosts = hosts
        self.validation = validation
        self.mtaSTS = mtaSTS
        self.tlsRPT = tlsRPT
    }

    /// What the domain publishes that a TLSRPT record reports on: "DANE" (a secure, usable TLSA
    /// RRset at one of its hosts), "MTA-STS" (its `_mta-sts` record, when looked up), both, or nil.
    public var reportablePolicies: String? {
        let dane = hosts.contains { $0.tlsa.hasUsableRecords }
        let sts = mtaSTS?.record != nil
        switch (dane, sts) {
        case (true, true): return "DANE and MTA-STS"
        case (true, false): return "DANE"
        case (false, true): return "MTA-STS"
        case (false, false): return nil
        }
    }

    /// RFC 8460: a domain that publishes DANE or MTA-STS without a valid TLSRPT record hears of
    /// no failure; nil when it has one, publishes neither, or its TLSRPT lookup failed along
    /// with its MX lookup.
    public var tlsRPTWarning: String? {
        guard let tlsRPT, let policies = reportablePolicies else { return nil }
        return tlsRPT.missingWarning(publishing: policies)
    }

    /// Every lookup made, MX first.
    public var lookups: [Lookup] {
        [mx] + hosts.flatMap { $0.addressLookups + [$0.cnameLookup].compactMap { $0 } + $0.tlsa.attempts }
    }

    public var warnings: [String] {
        resolvers.compactMap(\.warning) + [untrustedDenial, nullMXWarning].compactMap { $0 } + signedButUnvalidatedWarnings
    }

    /// An NXDOMAIN for the domain from a resolver that answers NXDOMAIN for the root zone too:
    /// it cannot be trusted (a filtering or sinkhole resolver answers so for what it does not serve).
    public var untrustedDenial: String? {
        guard kind == .nxDomain, let server = mx.server,
              resolvers.contains(where: { $0.server == server && $0.deniesTheRoot }) else { return nil }
        return "the NXDOMAIN for \(domain.text) cannot be trusted: it came from resolver \(server), "
            + "which answers NXDOMAIN for the root zone too"
    }

    /// Evidence, not a probe: signed answers (RRSIGs came with them) that a resolver asked without
    /// CD did not mark validated (AD=0). The data is insecure to that resolver: a zone signed
    /// under an insecure delegation, a negative trust anchor, a domain-insecure setting, or a
    /// resolver that does not validate what it forwards. One warning per resolver.
    public var signedButUnvalidatedWarnings: [String] {
        // No status is known at all (`unvalidated`): that line says it, not "insecure to it".
        guard validation == .resolver, unvalidated == nil else { return [] }
        // A resolver that does not validate at all has its own warning.
        let nonValidating = Set(resolvers.filter { $0.validates == false }.map(\.server))
        let unvalidated = lookups.filter { lookup in
            lookup.status == .insecure && lookup.signatureExpiry != nil && lookup.server.map { !nonValidating.contains($0) } == true
        }
        var order: [ResolverAddress] = []
        var byServer: [ResolverAddress: [Lookup]] = [:]
        for lookup in unvalidated {
            guard let server = lookup.server else { continue }
            if byServer[server] == nil { order.append(server) }
            byServer[server, default: []].append(lookup)
        }
        return order.map { server in
            let found = byServer[server] ?? []
            let named = found.prefix(2).map { "\($0.name.text) \($0.type)" }.joined(separator: ", ")
                + (found.count > 2 ? " and \(found.count - 2) more" : "")
            return "resolver \(server) answered signed data without validating it (RRSIGs, AD=0): \(named); "
                + "to it they are insecure (a zone signed under an insecure delegation, a negative trust anchor, "
                + "or a resolver that does not validate them): --validation local checks them here"
        }
    }

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

    /// Why no DNSSEC status is known (the resolvers do not validate, or whether they do is
    /// unknown and no answer was validated), nil when it is. An NXDOMAIN that cannot be trusted
    /// says more, and is said instead.
    public var unvalidated: String? {
        guard untrustedDenial == nil else { return nil }
        return ResolverReport.unvalidated(resolvers, mode: validation, answersCarryAD: lookups.contains { $0.status == .secure })
    }

    /// How a run that shows this report (without probes) ends, by what DNS says of the mail:
    /// no mail for NXDOMAIN, null MX or no host with an address; deferred when the MX lookup is
    /// bogus or every host is unusable (its address or TLSA lookups failed, §2.1.2), indeterminate
    /// when that is for want of an answer or the resolvers do not validate (exit codes in
    /// `DanecheckExit`).
    public var outcome: ExitClass {
        if unvalidated != nil || untrustedDenial != nil { return .indeterminate }
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
}
