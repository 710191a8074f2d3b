import DaneCore
import Foundation
import Testing

/// `danecheck domain` as a user runs it: text, JSON, exit codes, errors, the debug trace.
@Suite(.sandbox) struct DomainCommandTests {
    func domain(_ arguments: String..., resolver: String = Sandbox.validating) async throws -> CLI.Result {
        try await CLI.run(["domain", "--resolver", resolver] + arguments)
    }

    @Test func textInMomentumLayout() async throws {
        let result = try await domain("example.test")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        try #require(lines.count >= 7, "\(result.stdout)")
        #expect(lines[0].range(of: #"^Domain 'example.test' has 2 MXs and a TTL of \d+ seconds \+dnssec$"#, options: .regularExpression) != nil)
        #expect(lines[1].range(of: #"^  \[10 mx1.example.test. TTL:\d+\] \+dnssec$"#, options: .regularExpression) != nil)
        #expect(lines[2].range(of: #"^TLSA '_25._tcp.mx1.example.test' has a TTL of \d+ seconds \+dnssec$"#, options: .regularExpression) != nil)
        #expect(lines[3] == "  3 1 1 1128f6e82e57ea963842969ce77bbc24939b5d1a778562da5ed7365290e41d45")
        #expect(lines[4] == "        [127.0.1.1]:25 IPv4 (0.00ms con 0.00ms dlv)")
        #expect(lines[5] == "        [::1]:25 IPv6 (0.00ms con 0.00ms dlv)")
        #expect(lines[6].hasPrefix("  [20 mx2.example.test. TTL:"))
    }

    @Test func extraLinesInMomentumsVoice() async throws {
        #expect(try await domain("unsignedhost.test").stdout.contains("TLSA not looked up: address records of mx.insecure.test are insecure\n"))
        #expect(try await domain("nsec3.test").stdout.contains("TLSA '_25._tcp.mx.nsec3.test' does not exist +dnssec\n"))
        #expect(try await domain("unusable.test").stdout.contains(" (unusable: PKIX-EE, RFC 7672 §3.1.3)\n"))
        #expect(try await domain("tlsacname.test").stdout.contains("TLSA '_25._tcp.mx.tlsacname.test' is a CNAME for '_dane.tlsacname.test' +dnssec\n"))
        #expect(try await domain("bogus-tlsa.test").stdout.contains(
            "TLSA '_25._tcp.mx.bogus-tlsa.test' lookup failed: bogus (resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause)\n"))
        let orig = try await domain("orig.cname.test").stdout
        #expect(orig.contains("""
              CNAME alias2.cname.test. -> real2.cname.test. +dnssec
              (alias2.cname.test is a secure CNAME for real2.cname.test: TLSA looked up at the expanded name first)
            TLSA '_25._tcp.real2.cname.test' does not exist +dnssec
            TLSA '_25._tcp.alias2.cname.test' has a TTL of
            """))
        #expect(try await domain("half.cname.test").stdout.contains("  CNAME alias3.cname.test. -> mx.insecure.test. (first hop +dnssec, the rest insecure)\n"))
        #expect(try await domain("implicit.test").stdout.contains("it is its own mail host (implicit MX, RFC 7672 §2.2.2) +dnssec\n  [0 implicit.test. TTL:"))
    }

    @Test func bogusMXIsShownAndIsNotNoRecords() async throws {
        let result = try await domain("bogus-mx.test")
        #expect(result.stdout == "Domain 'bogus-mx.test' MX lookup failed: bogus (resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause)\n")
        #expect(result.status == 1, "a bogus MX RRset defers mail: exit 1, as check and probe say")
    }

    @Test(arguments: [
        ("nx.nsec.test", "Domain 'nx.nsec.test' does not exist (NXDOMAIN) +dnssec"),
        ("nullmx.test", "Domain 'nullmx.test' has a null MX (RFC 7505) and a TTL of "),
        ("nomail.implicit.test", "Domain 'nomail.implicit.test' has no MX records and a TTL of "),
    ])
    func domainsThatAcceptNoMailExitWith4(name: String, first: String) async throws {
        let result = try await domain(name)
        #expect(result.status == 4)
        #expect(result.stdout.hasPrefix(first), "\(result.stdout)")
        if name == "nomail.implicit.test" {
            #expect(result.lines.contains("  nomail.implicit.test. has no address records +dnssec"))
        }
    }

    @Test func nullMXAndNXDomainLines() async throws {
        #expect(try await domain("nullmx.test").stdout.range(
            of: #"^Domain 'nullmx.test' has a null MX \(RFC 7505\) and a TTL of \d+ seconds: it accepts no mail \+dnssec\n$"#,
            options: .regularExpression) != nil)
        #expect(try await domain("nx.nsec.test").stdout == "Domain 'nx.nsec.test' does not exist (NXDOMAIN) +dnssec\n")
    }

    @Test func jsonDocumentWithTheSameFacts() async throws {
        let result = try await domain("--json", "example.test")
        #expect(result.status == 0)
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(result.stdout.utf8))
        #expect(json.domain == "example.test" && json.kind == "mx" && json.mxLookup.status == "secure")
        #expect(json.resolvers.map(\.validates) == [true])
        try #require(json.hosts.map(\.host) == ["mx1.example.test", "mx2.example.test"])
        #expect(json.hosts[0].addresses.map(\.address) == ["127.0.1.1", "::1"])
        #expect(json.hosts[0].addresses.allSatisfy { $0.dnssec })
        #expect(json.hosts[0].tlsa.name == "_25._tcp.mx1.example.test")
        #expect(json.hosts[0].tlsa.records.map(\.data) == ["1128f6e82e57ea963842969ce77bbc24939b5d1a778562da5ed7365290e41d45"])
        #expect(json.hosts[1].tlsa.records.map(\.matching) == [1, 2])
        // The raw document uses exactly the documented keys.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schema_version", "command", "domain", "kind", "mx_lookup", "validation", "resolvers", "warnings", "hosts",
                                     "mta_sts", "tlsrpt"])
    }

    @Test func jsonForAFailedLookupCarriesTheReason() async throws {
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(try await domain("--json", "bogus-mx.test").stdout.utf8))
        #expect(json.kind == "failed" && json.mxLookup.status == "bogus" && json.mxLookup.result == "failed")
        #expect(json.mxLookup.reason?.hasPrefix("resolver SERVFAIL; data present with CD=1; --trust-anchor FILE") == true)
        #expect(json.hosts.isEmpty)
    }

    @Test func nonValidatingResolverIsReportedLoudly() async throws {
        let result = try await domain("example.test", resolver: Sandbox.nonValidating)
        #expect(result.stderr == "danecheck: warning: resolver 127.53.0.3 does not validate DNSSEC: no +dnssec flags can appear (--validation local validates here)\n")
        #expect(result.status == 3, "unvalidated is not insecure: the status is unknown")
        #expect(!result.stdout.contains("+dnssec"))
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(try await domain("--json", "example.test", resolver: Sandbox.nonValidating).stdout.utf8))
        #expect(json.warnings.count == 1)
        #expect(json.resolvers.map(\.validates) == [false])
    }

    /// Bounded by timeout × tries. Each run is timed against a run started beside it that needs
    /// no wait (a resolver that answers), so a loaded machine's slow process start cancels out.
    @Test func silentResolverExitsWith3WithinTheTimeout() async throws {
        func timed(_ extra: [String]) async throws -> (run: CLI.Result, beyond: Double) {
            async let control = CLI.run(["domain", "--resolver", Sandbox.nonValidating, "--timeout", "1"] + extra + ["example.test"])
            let run = try await CLI.run(["domain", "--resolver", Sandbox.silent, "--timeout", "1"] + extra + ["example.test"])
            return (run, run.seconds - (try await control).seconds)
        }
        let result = try await timed([])
        #expect(result.run.status == 3)
        #expect(result.run.stdout == "Domain 'example.test' MX lookup failed: indeterminate (timeout: no answer from 127.53.0.5 within 1s (2 tries))\n")
        #expect(result.beyond < 3.5, "MX and the validation probe wait 2 × 1 s at once, not one after the other")
        let once = try await timed(["--retries", "0"])
        #expect(once.run.stdout == "Domain 'example.test' MX lookup failed: indeterminate (timeout: no answer from 127.53.0.5 within 1s)\n")
        #expect(once.beyond < 3, "1 s, not the default 5 s")
    }

    @Test func unexplainedServfailExitsWith3() async throws {
        let result = try await domain("lame.test")
        #expect(result.status == 3)
        #expect(result.stdout == "Domain 'lame.test' MX lookup failed: indeterminate (resolver SERVFAIL; CD=1 also SERVFAIL)\n")
    }

    @Test func insecureTLSAIsShownAsSuch() async throws {
        let result = try await domain("insecuretlsa.test")
        #expect(result.stdout.contains("TLSA '_25._tcp.mx.insecuretlsa.test' has a TTL of "))
        #expect(!result.stdout.contains("TLSA '_25._tcp.mx.insecuretlsa.test' has a TTL of 300 seconds +dnssec"))
        #expect(result.stdout.contains("  TLSA RRset is insecure: DANE does not apply (RFC 7672 §2.2)\n"))
    }

    @Test func debugDNSTracesEveryQuery() async throws {
        let result = try await domain("--debug", "dns", "nsec.test")
        let trace = result.stderr.split(separator: "\n").map(String.init)
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 nsec.test. MX rd,do rcode=NOERROR ad=1 answers=2 ") && $0.hasSuffix("ms") })
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 _25._tcp.mx.nsec.test. TLSA rd,do rcode=NXDOMAIN ad=1 answers=0 ") })
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 . SOA rd,do rcode=NOERROR ad=1") })
        // MX, A, AAAA, TLSA, the _mta-sts TXT, the TLSRPT TXT (and, as it has none, the drafts'
        // name) and the validation probe: one query each.
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 _mta-sts.nsec.test. TXT rd,do rcode=NXDOMAIN") })
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 _smtp._tls.nsec.test. TXT rd,do rcode=NXDOMAIN") })
        #expect(trace.contains { $0.hasPrefix("dns: 127.53.0.2 _smtp-tlsrpt.nsec.test. TXT rd,do rcode=NXDOMAIN") })
        #expect(trace.count == 8)
    }

    @Test func idnNameIsConvertedToALabels() async throws {
        let result = try await domain("bücher.test")
        #expect(result.stdout == "Domain 'xn--bcher-kva.test' does not exist (NXDOMAIN) +dnssec\n")
        #expect(result.status == 4)
    }
}
