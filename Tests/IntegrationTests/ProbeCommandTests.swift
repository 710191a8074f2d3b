import DaneCore
import Foundation
import Testing
import TestSupport

/// `danecheck probe` and `domain --probe` as a user runs them.
@Suite(.sandbox) struct ProbeCommandTests {
    func probe(_ arguments: String...) async throws -> CLI.Result {
        try await CLI.run(["probe", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + arguments)
    }

    @Test func oneLinePerAddressThenDetails() async throws {
        let result = try await probe("ee311.dane.test")
        #expect(result.status == 0)
        #expect(result.lines[0].hasPrefix("ee311.dane.test [127.0.10.1]:25 authenticated: 3 1 1 matched at depth 0 (TLSv1."))
        #expect(result.stdout.contains("  STARTTLS: offered\n"))
        #expect(result.stdout.contains("  depth 0: CN = ee311.dane.test\n"))
        #expect(result.stdout.range(of: #"  TLSA 3 1 1 [0-9a-f]{16}…: matched at depth 0\n"#, options: .regularExpression) != nil)
    }

    @Test func deferredAddressExitsWith1() async throws {
        let result = try await probe("wrongdigest.dane.test")
        #expect(result.status == 1)
        #expect(result.lines[0].contains(" defer: no TLSA record matches (3 1 1 at depth 0 expected "))
        #expect(result.stdout.contains("  OpenSSL: no matching DANE TLSA records\n"))
    }

    @Test func givenRecordsReplaceDNSAndAllowAnAddressLiteral() async throws {
        let dns = try await CLI.run(["domain", "--json", "--resolver", Sandbox.validating, "ee311.dane.test"])
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(dns.stdout.utf8))
        let record = try #require(json.hosts.first?.tlsa.records.first)
        let text = "\(try #require(record.usage)) \(try #require(record.selector)) \(try #require(record.matching)) \(record.data)"
        let literal = try await CLI.run(["probe", "--resolver", Sandbox.silent, "--timeout", Sandbox.timeout, "--tlsa", text, "[127.0.10.1]"])
        #expect(literal.status == 0, "\(literal.stdout)\(literal.stderr)")
        // Records from the command line are not DNSSEC-validated: a match is trusted, not authenticated.
        #expect(literal.lines[0].hasPrefix("- [127.0.10.1]:25 trusted: 3 1 1 matched at depth 0"))
        #expect(literal.lines[0].hasSuffix("; records given, not DNSSEC-validated: trusted, not authenticated"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tlsa-\(UUID()).txt")
        try "; wrong on purpose\n3 1 1 \(String(repeating: "00", count: 32))\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let wrong = try await probe("--tlsa-file", file.path, "ee311.dane.test")
        #expect(wrong.status == 1)
        #expect(wrong.lines[0].contains("defer: no TLSA record matches (3 1 1 at depth 0 expected 0000…"))
    }

    @Test func addressOptionAndFamilies() async throws {
        let one = try await probe("--address", "127.0.10.33", "four.dane.test")
        #expect(one.lines.filter { $0.hasPrefix("four.dane.test [") } == [
            "four.dane.test [127.0.10.33]:25 authenticated: 3 1 1 matched at depth 0 (TLSv1.3 TLS_AES_256_GCM_SHA384)",
        ])
        let none = try await probe("-6", "four.dane.test")
        #expect(none.status == 1)
        #expect(none.lines[0] == "four.dane.test defer: no address to connect to")
        // mx1.example.test has 127.0.1.1 and ::1 (neither listens): each family alone.
        let four = try await probe("-4", "mx1.example.test")
        #expect(four.lines.filter { $0.hasPrefix("mx1.example.test [") } == ["mx1.example.test [127.0.1.1]:25 defer: connect failed: Connection refused"])
        let six = try await probe("-6", "mx1.example.test")
        #expect(six.lines.filter { $0.hasPrefix("mx1.example.test [") } == ["mx1.example.test [::1]:25 defer: connect failed: Connection refused"])
        let both = try await probe("mx1.example.test")
        #expect(both.lines.filter { $0.hasPrefix("mx1.example.test [") }.count == 2)
    }

    /// --port: another port (the sandbox's Postfix serves ee311 on 2525 too), the TLSA records
    /// still those of _25._tcp (RFC 7672 §3 names port 25; the port is for testing a listener).
    @Test func anotherPortKeepsTheTLSANameOfPort25() async throws {
        let result = try await probe("--port", "2525", "--debug", "dns", "ee311.dane.test")
        #expect(result.status == 0)
        #expect(result.lines.first == "ee311.dane.test [127.0.10.1]:2525 authenticated: 3 1 1 matched at depth 0 (TLSv1.3 TLS_AES_256_GCM_SHA384)")
        #expect(result.stderr.contains("dns: 127.53.0.2 _25._tcp.ee311.dane.test. TLSA rd,do rcode=NOERROR ad=1"), "\(result.stderr)")
        #expect(!result.stderr.contains("_2525._tcp"))
        let nothing = try await probe("--port", "2526", "ee311.dane.test")
        #expect(nothing.lines.first == "ee311.dane.test [127.0.10.1]:2526 defer: connect failed: Connection refused")
    }

    /// --ehlo: the name said in both EHLOs (before and over TLS), as the SMTP trace shows it sent.
    @Test func theEHLONameIsTheOneGiven() async throws {
        let result = try await probe("--ehlo", "probe.example.org", "--key-types", "default", "--debug", "smtp", "ee311.dane.test")
        #expect(result.status == 0)
        let ehlos = result.stderr.split(separator: "\n").filter { $0.contains(" > EHLO ") }
        #expect(ehlos == ["smtp: [127.0.10.1]:25 > EHLO probe.example.org", "smtp: [127.0.10.1]:25 > EHLO probe.example.org"], "\(result.stderr)")
    }

    @Test func jsonProbe() async throws {
        let result = try await probe("--json", "ta-inter.dane.test")
        let json = try JSONDecoder().decode(ProbeJSON.self, from: Data(result.stdout.utf8))
        #expect(json.requirement.kind == "authenticate" && json.requirement.baseDomain == "ta-inter.dane.test")
        #expect(json.verdict == "authenticated")
        let address = try #require(json.addresses.first)
        #expect(address.tls?.matched?.hasPrefix("2 1 1 ") == true && address.tls?.matchedDepth == 1)
        #expect(address.tls?.chain.count == 2)
        #expect(address.records.map(\.result) == ["matched at depth 1"])
    }

    @Test func debugSMTPShowsTheDialogue() async throws {
        let result = try await probe("--debug", "smtp,dane", "ee311.dane.test")
        let trace = result.stderr.split(separator: "\n").map(String.init)
        #expect(trace.first == "smtp: [127.0.10.1]:25 connected")
        #expect(trace.first { !$0.hasSuffix(" connected") } == "smtp: [127.0.10.1]:25 < 220 mx.sandbox.test ESMTP sandbox")
        #expect(trace.contains { $0.hasPrefix("smtp: [127.0.10.1]:25 > EHLO ") })
        #expect(trace.contains("smtp: [127.0.10.1]:25 > STARTTLS"))
        #expect(trace.contains("smtp: [127.0.10.1]:25 > QUIT"))
        #expect(trace.contains { $0.hasPrefix("dane: [127.0.10.1]:25 match: 3 1 1 ") && $0.hasSuffix(" at depth 0") })
    }

    @Test func missingHostExitsWith4AndFailedLookupsSayWhy() async throws {
        let missing = try await probe("nothere.dane.test")
        #expect(missing.status == 4)
        #expect(missing.lines[0] == "nothere.dane.test undeliverable: nothere.dane.test does not exist (NXDOMAIN)",
                "the word and the exit code agree: no such host is no mail, not a deferral")
        let bogus = try await probe("mx.bogus-a.test")
        #expect(bogus.lines[0] == "mx.bogus-a.test defer: A lookup for mx.bogus-a.test failed: bogus (resolver SERVFAIL; data present with CD=1; --trust-anchor FILE with the resolver's anchor, or --validation local, names the cause)")
        #expect(bogus.status == 1)
        let traced = try await probe("--debug", "tls", "ee311.dane.test")
        #expect(traced.stderr.contains("tls: [127.0.10.1]:25 TLSv1."))
        let check = try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "--debug", "dane", "ee311.mx.dane.test"])
        #expect(check.stderr.contains("dane: [127.0.10.1]:25 match: 3 1 1 "), "check traces dane too")
    }

    @Test func badProbeInput() async throws {
        let literal = try await CLI.run(["probe", "--resolver", Sandbox.silent, "[127.0.10.1]"])
        #expect(literal.status == 2)
        #expect(literal.stderr == "danecheck: error: probing [127.0.10.1] needs the TLSA records: give --tlsa or --tlsa-file\n")
        let record = try await CLI.run(["probe", "--resolver", Sandbox.silent, "--tlsa", "3 1 1 xyz", "[127.0.10.1]"])
        #expect(record.status == 2)
        #expect(record.stderr == "danecheck: error: TLSA record '3 1 1 xyz': certificate association data must be an even number of hex digits\n")
    }

    @Test func domainProbeFillsTheColumnsAndMarksTheChosenAddress() async throws {
        let result = try await CLI.run(["domain", "--probe", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "dane.test"])
        #expect(result.status == 0)
        let lines = result.lines
        let chosen = try #require(lines.firstIndex { $0.hasPrefix(" =>     [127.0.10.1]:25 IPv4 (") })
        try #require(lines.count > chosen + 1)
        #expect(lines[chosen].range(of: #"\(\d+\.\d\dms con \d+\.\d\dms dlv\)$"#, options: .regularExpression) != nil)
        #expect(lines[chosen + 1].hasPrefix("          authenticated: 3 1 1 matched at depth 0"))
        #expect(lines.contains { $0.hasPrefix("          defer: no TLSA record matches") })
    }

    /// A host whose TLSA lookup failed cannot be used (RFC 7672 §2.1.2): its address is not
    /// connected to ("not tried"), in text and JSON, and the SMTP trace shows no connection.
    @Test func anUnusableHostIsNotTried() async throws {
        let text = try await probe("--debug", "smtp", "mx.bogus-tlsa.test")
        #expect(text.status == 1)
        #expect(text.lines.contains("  connect: not tried: the host cannot be used"), "\(text.stdout)")
        #expect(!text.stderr.contains("smtp: "), "no SMTP session: \(text.stderr)")
        let json = try await probe("--json", "mx.bogus-tlsa.test")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let addresses = try #require(object["addresses"] as? [[String: Any]])
        #expect(addresses.map { $0["attempted"] as? Bool } == [false])
        #expect(addresses.map { $0["address"] as? String } == ["127.0.4.1"])
    }

    /// Under an insecure MX RRset `domain --probe` judges as `check` does, with the default
    /// policy (insecure_mx=may: DANE does not apply, RFC 7672 §2.2.1), though it shows the host's
    /// TLSA records; the same word in both. (It said "trusted" while check said "opportunistic".)
    @Test func domainProbeUnderAnInsecureMXJudgesAsCheck() async throws {
        let result = try await CLI.run(["domain", "--probe", "--json", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "danemx.insecure.test"])
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(result.stdout.utf8))
        #expect(json.mxLookup.status == "insecure")
        #expect(json.verdict == "opportunistic", "no DANE under an insecure MX RRset by default (RFC 7672 §2.2.1)")
        #expect(json.hosts.first?.probe?.requirement.kind == "opportunistic")
        #expect(json.hosts.first?.tlsa.records.isEmpty == false, "the TLSA records are shown all the same")
        let check = try await CLI.run(["check", "--json", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "danemx.insecure.test"])
        let checked = try JSONDecoder().decode(CheckJSON.self, from: Data(check.stdout.utf8))
        #expect(checked.domains.map(\.verdict) == [json.verdict ?? ""])
        #expect(checked.domains.map(\.reason) == [json.reason ?? ""])
    }

    @Test func domainProbeWhereEveryHostDefersExitsWith1() async throws {
        // wrongdigest must answer, so the wait for h-silent is the long one; both runs at once.
        async let textRun = CLI.run(["domain", "--probe", "--timeout", Sandbox.timeout, "--resolver", Sandbox.validating, "deferred.dane.test"])
        let result = try await CLI.run(["domain", "--probe", "--timeout", Sandbox.timeout, "--json", "--resolver", Sandbox.validating, "deferred.dane.test"])
        #expect(result.status == 1)
        let json = try JSONDecoder().decode(DomainJSON.self, from: Data(result.stdout.utf8))
        // Every host's cause in the reason: the mismatch, and the timeout that set the wall time.
        #expect(json.verdict == "defer" && json.reason?.hasPrefix("every MX host defers: wrongdigest.dane.test: no TLSA record matches") == true)
        #expect(json.reason?.contains("; h-silent.dane.test: timeout after \(Sandbox.timeout)s waiting for the greeting") == true)
        #expect(json.hosts.compactMap(\.probe?.addresses.first?.failure) == ["timeout after \(Sandbox.timeout)s waiting for the greeting (nothing received)"])
        let text = try await textRun
        // A failed address is marked; "since failure" needs a history of more than this one probe.
        #expect(text.lines.contains { $0.range(of: #"^ \*      \[127\.0\.11\.1\]:25 IPv4 \(\d+\.\d\dms con 0\.00ms dlv\)$"#, options: .regularExpression) != nil })
        #expect(!text.stdout.contains("since failure"))
        #expect(text.reportLines.last { !$0.isEmpty }?.hasPrefix("deferred.dane.test: defer: every MX host defers: ") == true)
    }

    @Test func theTLSLineSaysWhatPosttlsFingerUsersReadFirst() async throws {
        let result = try await probe("ee311.dane.test")
        let line = try #require(result.lines.first { $0.hasPrefix("  TLS: ") })
        // The sandbox's Postfix and its EC P-256 certificates.
        #expect(line.range(of: #"^  TLS: TLSv1\.3 TLS_\w+, key exchange \w+, server signature ECDSA with SHA256, certificate key EC prime256v1 \(256 bits\)$"#,
                           options: .regularExpression) != nil, "\(line)")
        let json = try JSONDecoder().decode(ProbeJSON.self, from: Data(try await probe("--json", "ee311.dane.test").stdout.utf8))
        let tls = try #require(json.addresses.first?.tls)
        #expect(tls.keyType == "EC" && tls.keyBits == 256 && tls.keyCurve == "prime256v1" && tls.signatureDigest == "SHA256")
        #expect(tls.group != nil && tls.chain.count == 2 && tls.chain.allSatisfy { $0.pem == nil }, "PEM only with --show-chain")
    }

    @Test func showChainPrintsEachCertificateAsPEMThatOpenSSLReads() async throws {
        let result = try await probe("--show-chain", "ee311.dane.test")
        let pem = result.lines.filter { $0.hasPrefix("    ") && !$0.contains(":") }.map { String($0.dropFirst(4)) }
        let blocks = pem.split(separator: "-----END CERTIFICATE-----").map { $0.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n" }
        try #require(blocks.count == 2, "leaf and intermediate")
        let digests = result.lines.filter { $0.hasPrefix("    SHA-256 cert: ") }.map { String($0.dropFirst("    SHA-256 cert: ".count)) }
        try #require(digests.count == 2, "\(result.stdout)")
        for (block, digest) in zip(blocks, digests) {
            let text = try await CLI.tool("/usr/bin/openssl", ["x509", "-noout", "-fingerprint", "-sha256"], input: block).output
            let fingerprint = text.split(separator: "=").last.map { $0.replacingOccurrences(of: ":", with: "").lowercased() }
            #expect(fingerprint?.trimmingCharacters(in: .whitespacesAndNewlines) == digest)
        }
        let json = try JSONDecoder().decode(ProbeJSON.self, from: Data(try await probe("--json", "--show-chain", "ee311.dane.test").stdout.utf8))
        let chain = try #require(json.addresses.first?.tls?.chain)
        #expect(chain.count == 2)
        #expect(chain.allSatisfy { $0.pem?.hasPrefix("-----BEGIN CERTIFICATE-----\n") == true })
    }
}
