import DaneCore
import Synchronization
import Testing

/// Every sandbox case through the core, against the real NSD + validating Unbound.
@Suite(.sandbox) struct SandboxCaseTests {
    @Test func secureMXAndSecureTLSAWithSeveralPreferences() async throws {
        let report = try await Sandbox.report("example.test")
        #expect(report.kind == .mx)
        #expect(report.mx.status == .secure)
        #expect(report.hosts.map(\.preference) == [10, 20])
        try #require(report.hosts.map(\.name.absolute) == ["mx1.example.test.", "mx2.example.test."])
        let mx1 = report.hosts[0]
        #expect(mx1.isSecure)
        #expect(mx1.addresses.map(\.address.text) == ["127.0.1.1", "::1"])
        #expect(mx1.tlsa.final?.status == .secure)
        #expect(mx1.tlsa.entries.map(\.presentation) == ["3 1 1 1128f6e82e57ea963842969ce77bbc24939b5d1a778562da5ed7365290e41d45"])
        #expect(mx1.tlsa.hasUsableRecords)
        // TTLs count down in the resolver's cache: MX and A were published with 3600, TLSA with 300.
        let mxTTL = try #require(report.mx.ttl), tlsaTTL = try #require(mx1.tlsa.final?.ttl)
        #expect(mxTTL > 300 && mxTTL <= 3600)
        #expect(tlsaTTL > 0 && tlsaTTL <= 300)
        #expect(report.hosts[1].tlsa.entries.map { $0.record.map { "\($0.usage) \($0.selector) \($0.matchingType)" } } == ["2 1 1", "3 1 2"])
        #expect(report.resolvers.map(\.validates) == [true])
        #expect(report.outcome == .ok)
    }

    @Test func mxRRsetReachedThroughACNAME() async throws {
        let report = try await Sandbox.report("mail-alias.example.test")
        #expect(report.mx.aliases.map(\.absolute) == ["example.test."])
        #expect(report.mx.status == .secure)
        #expect(report.hosts.count == 2)
    }

    @Test func insecureDelegationHoldingTLSA() async throws {
        let report = try await Sandbox.report("insecure.test")
        #expect(report.mx.status == .insecure)
        try #require(report.hosts.count == 1)
        #expect(!report.hosts[0].isSecure)
        #expect(report.hosts[0].tlsa.skipped == "address records of mx.insecure.test are insecure")
        #expect(report.hosts[0].tlsa.attempts.isEmpty)
    }

    @Test func secureMXWithHostInUnsignedZone() async throws {
        let report = try await Sandbox.report("unsignedhost.test")
        #expect(report.mx.status == .secure)
        try #require(report.hosts.first?.addressLookups.isEmpty == false)
        #expect(report.hosts[0].addressLookups[0].status == .insecure)
        #expect(report.hosts[0].tlsa.skipped != nil)
    }

    @Test func tlsaEditedAfterSigningIsBogus() async throws {
        let report = try await Sandbox.report("bogus-tlsa.test")
        let tlsa = try #require(report.hosts.first?.tlsa.final)
        #expect(tlsa.status == .bogus)
        #expect(tlsa.failureReason == "resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause")
        #expect(tlsa.tlsaRecords.isEmpty)
    }

    @Test func mxEditedAfterSigningIsBogus() async throws {
        let report = try await Sandbox.report("bogus-mx.test")
        #expect(report.kind == .failed)
        #expect(report.mx.status == .bogus)
        #expect(report.hosts.isEmpty)
    }

    @Test func addressRecordEditedAfterSigningMakesTheHostUnusable() async throws {
        let host = try #require(try await Sandbox.report("bogus-a.test").hosts.first)
        #expect(host.addressLookups.map(\.status) == [.bogus, .secure])
        #expect(host.addresses.isEmpty)
        #expect(host.tlsa.skipped == "address lookups of mx.bogus-a.test failed (A bogus)")
    }

    @Test func truncatedUDPAnswerIsRetriedOverTCP() async throws {
        // 24 TLSA records of 64 octets with their RRSIG do not fit the 1232-octet EDNS0 size.
        let tlsa = try #require(try await Sandbox.report("bigtlsa.test").hosts.first?.tlsa.final)
        #expect(tlsa.status == .secure)
        #expect(tlsa.tlsaRecords.count == 24)
    }

    @Test func servfailThatCDDoesNotExplainIsIndeterminate() async throws {
        let report = try await Sandbox.report("lame.test")
        #expect(report.mx.status == .indeterminate)
        #expect(report.mx.failureReason == "resolver SERVFAIL; CD=1 also SERVFAIL")
        #expect(report.outcome == .indeterminate)
    }

    @Test(arguments: ["nsec.test", "nsec3.test"])
    func secureDenialOfTLSA(domain: String) async throws {
        let report = try await Sandbox.report(domain)
        let tlsa = try #require(report.hosts.first?.tlsa.final)
        #expect(tlsa.status == .secure)
        #expect(tlsa.isDenial)
        #expect(!report.hosts[0].tlsa.hasUsableRecords)
    }

    @Test(arguments: ["nx.nsec.test", "nx.nsec3.test", "nonexistent.test"])
    func secureNXDomain(domain: String) async throws {
        let report = try await Sandbox.report(domain)
        #expect(report.kind == .nxDomain)
        #expect(report.mx.status == .secure)
        #expect(report.outcome == .noMail)
    }

    @Test func cnameHostWithTLSAAtTheTarget() async throws {
        let host = try #require(try await Sandbox.report("cname.test").hosts.first)
        #expect(host.canonicalName?.absolute == "real.cname.test.")
        #expect(host.tlsa.attempts.map(\.name.absolute) == ["_25._tcp.real.cname.test."])
        #expect(host.tlsa.hasUsableRecords)
    }

    @Test func cnameHostWithTLSAOnlyAtTheOriginalName() async throws {
        let host = try #require(try await Sandbox.report("orig.cname.test").hosts.first)
        try #require(host.tlsa.attempts.map(\.name.absolute) == ["_25._tcp.real2.cname.test.", "_25._tcp.alias2.cname.test."])
        #expect(host.tlsa.attempts[0].status == .secure && host.tlsa.attempts[0].isDenial)
        #expect(host.tlsa.hasUsableRecords)
    }

    @Test func cnameChainInsecureAfterTheFirstHop() async throws {
        let host = try #require(try await Sandbox.report("half.cname.test").hosts.first)
        #expect(!host.isSecure)
        #expect(host.cnameLookup?.status == .secure)
        #expect(host.tlsa.attempts.map(\.name.absolute) == ["_25._tcp.alias3.cname.test."])
        #expect(host.tlsa.hasUsableRecords)
    }

    @Test func implicitMX() async throws {
        let report = try await Sandbox.report("implicit.test")
        #expect(report.kind == .implicit)
        #expect(report.mx.status == .secure && report.mx.answer == .noData)
        try #require(report.hosts.map(\.name.absolute) == ["implicit.test."])
        #expect(report.hosts[0].tlsa.hasUsableRecords)
        let none = try await Sandbox.report("nomail.implicit.test")
        #expect(none.kind == .implicit && none.outcome == .noMail)
    }

    @Test func implicitMXAtACNAMEUsesTheDomainAsTheHost() async throws {
        let report = try await Sandbox.report("alias.implicit.test")
        #expect(report.kind == .implicit)
        let host = try #require(report.hosts.first)
        #expect(host.name.absolute == "alias.implicit.test.")
        #expect(host.canonicalName?.absolute == "implicit.test.")
        #expect(host.tlsa.attempts.map(\.name.absolute) == ["_25._tcp.implicit.test."])
        #expect(host.tlsa.hasUsableRecords)
    }

    @Test func secureHostWithInsecureTLSA() async throws {
        let host = try #require(try await Sandbox.report("insecuretlsa.test").hosts.first)
        #expect(host.isSecure)
        #expect(host.tlsa.final?.status == .insecure)
        #expect(host.tlsa.final?.tlsaRecords.count == 1)
        #expect(!host.tlsa.hasUsableRecords)
        #expect(DANEPolicy.of(host) == .opportunistic(reason: "TLSA RRset at _25._tcp.mx.insecuretlsa.test is insecure"))
    }

    @Test func cnameChainInsecureFromItsFirstHop() async throws {
        let host = try #require(try await Sandbox.report("firsthop.cname.test").hosts.first)
        #expect(host.cnameLookup?.status == .insecure)
        #expect(host.tlsa.skipped == "address records of alias.insecure.test are insecure (CNAME insecure)")
    }

    @Test func refusingResolverIsSkippedForTheNext() async throws {
        let report = try await Sandbox.report("example.test", resolvers: ["127.53.0.6", Sandbox.validating])
        #expect(report.mx.status == .secure)
        #expect(report.mx.server?.description == Sandbox.validating)
    }

    @Test func nullMX() async throws {
        let report = try await Sandbox.report("nullmx.test")
        #expect(report.kind == .nullMX)
        #expect(report.mx.status == .secure)
        #expect(report.outcome == .noMail)
    }

    @Test func tlsaOwnerThatIsACNAME() async throws {
        let tlsa = try #require(try await Sandbox.report("tlsacname.test").hosts.first?.tlsa.final)
        #expect(tlsa.name.absolute == "_25._tcp.mx.tlsacname.test.")
        #expect(tlsa.owner.absolute == "_dane.tlsacname.test.")
        #expect(tlsa.status == .secure)
        #expect(tlsa.tlsaRecords.count == 1)
    }

    @Test func unusableTLSARecordsSayWhy() async throws {
        let host = try #require(try await Sandbox.report("unusable.test").hosts.first)
        #expect(host.tlsa.final?.status == .secure)
        #expect(!host.tlsa.hasUsableRecords)
        #expect(host.tlsa.entries.compactMap(\.usability.reason) == [
            "PKIX-TA, RFC 7672 §3.1.3",
            "PKIX-EE, RFC 7672 §3.1.3",
            "Full data is not a DER certificate",
            "SHA2-256 digest must be 32 octets, got 31",
            "unknown matching type 9",
            "unknown selector 2",
        ])
        let partly = try #require(try await Sandbox.report("partly.unusable.test").hosts.first)
        #expect(partly.tlsa.entries.map(\.usability.isUsable) == [false, true])
        #expect(partly.tlsa.hasUsableRecords)
    }

    @Test func nonValidatingResolverIsDetectedAndNothingIsSecure() async throws {
        let report = try await Sandbox.report("example.test", resolvers: [Sandbox.nonValidating])
        #expect(report.resolvers.map(\.validates) == [false])
        #expect(report.warnings == ["resolver 127.53.0.3 does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)"])
        #expect(report.lookups.count == 5, "MX, A and AAAA of two hosts (no TLSA: their addresses are insecure)")
        #expect(report.lookups.allSatisfy { $0.status == .insecure })
        // Without validation the tampered MX is just data.
        let bogus = try await Sandbox.report("bogus-mx.test", resolvers: [Sandbox.nonValidating])
        #expect(bogus.mx.status == .insecure && bogus.kind == .mx)
    }

    @Test func aValidatingResolverIsAskedBeforeOneThatDoesNot() async throws {
        let report = try await Sandbox.report("example.test", resolvers: [Sandbox.nonValidating, Sandbox.validating])
        #expect(report.resolvers.map(\.validates) == [false, true])
        #expect(report.mx.status == .secure, "answered by the validating resolver, listed second")
        #expect(report.lookups.count >= 7)
        #expect(report.lookups.allSatisfy { $0.server?.description == Sandbox.validating })
        #expect(report.warnings.count == 1, "the non-validating one is still reported")
    }

    @Test func ipv6Resolver() async throws {
        let report = try await Sandbox.report("example.test", resolvers: [Sandbox.validatingIPv6])
        #expect(report.mx.status == .secure)
        #expect(report.resolvers.map(\.server.description) == ["[::1]@5302"])
    }

    /// A resolver that did not answer is asked last for the rest of the run (README): the first
    /// query waits for the silent one and goes on to the next; the later ones go to the one
    /// that answers first, and never to the silent one while it answers.
    @Test func aResolverThatStoppedAnsweringIsAskedLastAfterwards() async throws {
        let asked = Mutex<[[String]]>([])
        let current = Mutex<[String]>([])
        let transport = ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.silent), try ResolverAddress(parsing: Sandbox.validating)],
                                          timeout: 1, trace: { exchange in current.withLock { $0.append(exchange.server?.description ?? "-") } })
        for name in ["example.test.", "dane.test.", "one.test."] {
            let exchange = await transport.exchange(DNSQuery(name: DNSName(dnsText: name), type: .mx))
            guard case .response = exchange.outcome else { Issue.record("\(name): \(exchange.outcome)"); continue }
            asked.withLock { $0.append(current.withLock { value in defer { value = [] }; return value }) }
        }
        #expect(asked.withLock { $0 } == [[Sandbox.silent, Sandbox.validating], [Sandbox.validating], [Sandbox.validating]])
    }

    @Test func silentResolverIsIndeterminateAndTheNextOneAnswers() async throws {
        let alone = try await Sandbox.inspector([Sandbox.silent], timeout: 1).inspect(DNSName(validating: "example.test"))
        #expect(alone.mx.status == .indeterminate)
        #expect(alone.mx.failureReason == "timeout: no answer from 127.53.0.5 within 1s (2 tries)")
        #expect(alone.outcome == .indeterminate)
        #expect(alone.resolvers.map(\.validates) == [nil])
        let failover = try await Sandbox.inspector([Sandbox.silent, Sandbox.validating], timeout: 1)
            .inspect(DNSName(validating: "example.test"))
        #expect(failover.mx.status == .secure)
        #expect(failover.hosts.map(\.tlsa.hasUsableRecords) == [true, true])
    }
}
