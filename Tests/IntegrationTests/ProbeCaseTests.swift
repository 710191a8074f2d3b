import DaneCore
import Foundation
import Testing

/// Every SMTP case of the sandbox (Postfix smtpd with generated certificates, zone dane.test):
/// the verdict and the record OpenSSL matched.
@Suite(.sandbox) struct ProbeCaseTests {
    static func probe(_ host: String, timeout: Double = Sandbox.timeoutSeconds) async throws -> HostProbeReport {
        try await timedProbe(host, timeout: timeout).report
    }

    /// The probe, and how long the SMTP part took (the DNS lookups before it not counted): to
    /// the moment the last address's probe ended (stamped by the prober), so the time the test's
    /// task then waits to resume on a loaded machine is not counted.
    static func timedProbe(_ host: String, timeout: Double) async throws -> (report: HostProbeReport, seconds: Double) {
        let inspector = try Sandbox.inspector()
        let report = await inspector.inspectHost(try DNSName(validating: "\(host).dane.test"), preference: 0)
        let start = Date()
        let probed = await HostProber(prober: SMTPProber(ehloName: "probe.sandbox.test", timeout: timeout)).probe(report)
        let end = probed.addresses.map(\.probe.finishedAt).max() ?? Date()
        return (probed, end.timeIntervalSince(start))
    }

    static func only(_ report: HostProbeReport) throws -> AddressReport {
        try #require(report.addresses.count == 1)
        return report.addresses[0]
    }

    @Test(arguments: [
        ("ee311", "3 1 1", 0), ("ee312", "3 1 2", 0), ("ee300", "3 0 0", 0), ("ee301", "3 0 1", 0),
        ("ee-expired", "3 1 1", 0), ("ee-wrongname", "3 1 1", 0),
        ("ta-root201", "2 0 1", 2), ("ta-root211", "2 1 1", 2), ("ta-inter", "2 1 1", 1),
        ("unusable-beside", "3 1 1", 0), ("stale", "3 1 1", 0),
    ])
    func authenticated(host: String, record: String, depth: Int) async throws {
        let address = try Self.only(try await Self.probe(host))
        #expect(address.verdict == .authenticated, "\(host): \(address.reason)")
        let match = try #require(address.probe.tls?.daneMatch)
        #expect("\(match.record.usage) \(match.record.selector) \(match.record.matchingType)" == record)
        #expect(match.depth == depth)
        #expect(address.marks.contains(.matched(depth: depth)))
    }

    @Test func dane2_1_0WithTheCANotSentAuthenticatesWithTheKey() async throws {
        let address = try Self.only(try await Self.probe("ta210-notsent"))
        #expect(address.verdict == .authenticated, "\(address.reason)")
        #expect(address.probe.tls?.chain.count == 1)
        #expect(address.probe.tls?.daneMatch?.record.matchingType == 0)
    }

    @Test func wrongDigestDefersShowingExpectedAndGot() async throws {
        let address = try Self.only(try await Self.probe("wrongdigest"))
        #expect(address.verdict == .defer)
        #expect(address.reason.range(of: #"^no TLSA record matches \(3 1 1 at depth 0 expected [0-9a-f]{4}…, got [0-9a-f]{4}…\)$"#,
                                     options: .regularExpression) != nil, "\(address.reason)")
        #expect(address.marks == [.noMatch])
    }

    @Test func daneTAWithWrongNameDefers() async throws {
        let address = try Self.only(try await Self.probe("ta-wrongname"))
        #expect(address.verdict == .defer)
        #expect(address.reason == "DANE-TA matched but certificate name mx.other.example does not match ta-wrongname.dane.test")
    }

    @Test func daneTAWithExpiredLeafDefers() async throws {
        let address = try Self.only(try await Self.probe("ta-expired"))
        #expect(address.verdict == .defer)
        #expect(address.reason.hasPrefix("certificate expired ") && address.reason.hasSuffix(" (DANE-TA checks dates)"))
    }

    @Test func daneTANotSentByTheServerDefers() async throws {
        let address = try Self.only(try await Self.probe("ta-notsent"))
        #expect(address.verdict == .defer)
        #expect(address.reason.contains("the server sent no CA certificate"))
    }

    @Test func onlyUnusableRecordsGiveEncrypted() async throws {
        let address = try Self.only(try await Self.probe("unusable-only"))
        #expect(address.verdict == .encrypted)
        #expect(address.marks == [.unusable(reason: "PKIX-TA, RFC 7672 §3.1.3"), .unusable(reason: "PKIX-EE, RFC 7672 §3.1.3")])
    }

    @Test func staleRecordBesideTheMatchingOne() async throws {
        let address = try Self.only(try await Self.probe("stale"))
        #expect(address.marks.sorted { "\($0)" < "\($1)" } == [.matched(depth: 0), .noMatch])
    }

    @Test func digestAgilityWeakDigestRightStrongWrongDefers() async throws {
        let report = try await Self.probe("agility")
        let address = try Self.only(report)
        #expect(address.verdict == .defer)
        #expect(address.reason.contains("3 1 1 matches depth 0 but is ignored"))
        #expect(zip(report.records, address.marks).map { "\($0.0.matchingType) \($0.1)" }
                == ["1 ignored: matching type 2 is also published (digest agility, RFC 7671 §9)", "2 no match"])
    }

    @Test(arguments: ["nostarttls-usable", "nostarttls-unusable"])
    func noSTARTTLSWhereTLSIsMandatoryDefers(host: String) async throws {
        let address = try Self.only(try await Self.probe(host))
        #expect(address.verdict == .defer)
        #expect(address.reason.hasPrefix("STARTTLS not offered; TLS is mandatory"))
        #expect(address.probe.transcript.greeting?.code == 220)
    }

    @Test func noTLSAIsOpportunistic() async throws {
        let address = try Self.only(try await Self.probe("notlsa"))
        #expect(address.verdict == .opportunistic)
        #expect(address.probe.tls != nil)
    }

    @Test func fourAddressesAreAllProbed() async throws {
        let report = try await Self.probe("four")
        #expect(report.addresses.map(\.probe.address.text) == ["127.0.10.31", "127.0.10.32", "127.0.10.33", "127.0.10.34"])
        #expect(report.addresses.allSatisfy { $0.verdict == .authenticated })
    }

    @Test func theChainIsReportedWithDigests() async throws {
        let tls = try #require(try Self.only(try await Self.probe("ta-root211")).probe.tls)
        try #require(tls.chain.map(\.subject) == ["CN = ta-root211.dane.test", "CN = Sandbox Intermediate CA", "CN = Sandbox Root CA"])
        #expect(tls.chain[0].names == ["ta-root211.dane.test"])
        #expect(tls.chain.allSatisfy { $0.sha256Certificate.count == 64 && $0.sha256PublicKey.count == 64 })
        #expect(tls.version.hasPrefix("TLSv1."))
    }
}

/// A slow but correct peer: each phase has its own deadline (the handshake 2 s, the EHLO over
/// TLS 2 s after it, with 3.5 s allowed per phase: 4 s in all, more than one deadline, and 1.5 s
/// to spare in each phase on a loaded CI machine), and SNI on the wire is the TLSA base domain
/// (the peer refuses EHLO otherwise, RFC 7672 §8.1).
@Suite(.sandbox) struct SlowPeerTests {
    @Test func everyPhaseHasItsOwnDeadlineAndSNIIsTheBaseDomain() async throws {
        let address = try ProbeCaseTests.only(try await ProbeCaseTests.probe("h-slowtls", timeout: 3.5))
        #expect(address.verdict == .authenticated, "\(address.reason)")
        #expect(address.probe.transcript.ehloOverTLS?.code == 250, "SNI was the base domain")
    }
}

/// Misbehaving peers (sandbox/hostile.py): a clear error within timeout + 4 s, never a hang.
@Suite(.sandbox) struct HostilePeerTests {
    @Test(arguments: [
        ("silent", "timeout after 2s waiting for the greeting (nothing received)"),
        ("drip", "timeout after 2s waiting for the greeting"),
        ("longline", "protocol error in the greeting: reply line longer than 4096 octets without CRLF"),
        // Random octets: the reason quotes them (escaped), so only its start is fixed.
        ("garbage", "protocol error in the greeting: not an SMTP reply: '"),
        ("greeting421", "server refused the session: 421 4.3.2 h-greeting421.dane.test Service not available"),
        ("starttls454", "STARTTLS refused: 454 4.7.0 TLS not available"),
        ("starttls501", "STARTTLS refused: 501 5.5.4 Syntax error"),
        ("tlsalert", "TLS handshake failed: sslv3 alert handshake failure"),
        ("reset", "TLS handshake failed: Connection reset by peer"),
        // Plaintext in the same write as the 220 to STARTTLS: discarded (RFC 3207 §4.2), then
        // the handshake waits for a server that never speaks TLS.
        ("plaintext", "timeout after 2s waiting for the TLS handshake (the server sent 52 octets of plaintext after its 220 to STARTTLS)"),
        // Plaintext as the answer to the ClientHello: OpenSSL reads it as a record, and it is none.
        ("plaintextlate", "TLS handshake failed: wrong version number"),
    ])
    func clearErrorWithinTheTimeout(name: String, reason: String) async throws {
        try await Self.expectClearError(name: name, reason: reason)
    }

    /// A TLS error after the handshake is a TLS error, not "the server closed the connection".
    @Test func aTLSErrorAfterTheHandshakeIsNamedAsSuch() async throws {
        try await Self.expectClearError(name: "tlsbreak", reason: "after TLS: TLS error while waiting for the EHLO reply over TLS: bad record type")
    }

    static func expectClearError(name: String, reason: String) async throws {
        let (report, elapsed) = try await ProbeCaseTests.timedProbe("h-\(name)", timeout: 2)
        let address = try ProbeCaseTests.only(report)
        #expect(address.verdict == .defer)
        #expect(address.reason.hasPrefix(reason), "\(name): \(address.reason)")
        #expect(!address.reason.contains("\n"))
        // A deadline that restarted with each read would take 28 s on h-drip (28 octets, one a
        // second), none at all the peer's hold of 120 s: a bound of ten times the 2 s timeout
        // tells those apart without timing the machine (a loaded one stretches the 2 s, not 10x).
        #expect(elapsed < 2 * 10, "\(name) took \(elapsed)s: an error within ten times the timeout")
    }
}
