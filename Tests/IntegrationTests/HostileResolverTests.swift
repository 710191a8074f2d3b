import Foundation
import DaneCore
import Testing

/// danecheck pointed straight at a hostile resolver (sandbox/hostiledns.py, 127.53.1.1): forged
/// replies are dropped, broken answers are named, and nothing from it reaches the terminal raw.
@Suite(.sandbox, .timeLimit(.minutes(2))) struct HostileResolverTests {
    static let hostile = "127.53.1.1"

    /// A timeout long enough for a hostile server on a loaded CI machine (its answers were late
    /// past 1 s twice under the whole suite); the tests of a forgery alone wait out 3 s (under
    /// the whole suite the forgery itself once came after 1 s: nothing was dropped to list).
    static func domain(_ name: String, _ extra: [String] = [], resolver: String = hostile, timeout: Int = 5) async throws -> CLI.Result {
        try await CLI.run(["domain", "--resolver", resolver, "--timeout", "\(timeout)", "--retries", "0"] + extra + [name])
    }

    /// Each kind of forgery alone: never an answer, never an error of its own; the wait ends in
    /// the timeout (indeterminate), and --debug dns says what was dropped.
    @Test(arguments: [
        ("wrongid", "ID "),
        ("wrongname", "question other.hostile.test. MX IN, not wrongname.hostile.test. MX IN"),
        ("wrongtype", "question wrongtype.hostile.test. A IN, not wrongtype.hostile.test. MX IN"),
        ("wrongclass", "question wrongclass.hostile.test. MX CH, not wrongclass.hostile.test. MX IN"),
        ("wrongsource", "from 127.53.1.2, not the server asked"),
        ("wrongport", "from 127.53.1.1@5353, not the server asked"),
        ("notresponse", "QR=0: a query, not a response"),
        ("badopcode", "opcode 2, not QUERY"),
    ])
    func aForgeryAloneIsATimeoutNotAnAnswer(name: String, dropped: String) async throws {
        let result = try await Self.domain("\(name).hostile.test", ["--debug", "dns"], timeout: 5)
        #expect(result.status == 3, "indeterminate: \(result.stdout)")
        #expect(result.stdout.hasPrefix("Domain '\(name).hostile.test' MX lookup failed: indeterminate (timeout: no answer from 127.53.1.1 within 5s)"))
        #expect(!result.stdout.contains("forged"))
        #expect(result.stderr.contains("dns: 127.53.1.1 \(name).hostile.test. MX ignored a message: \(dropped)"), "\(result.stderr)")
    }

    /// Each forgery (AD=1, forged MX) followed by the genuine reply (AD=0): the genuine data,
    /// without +dnssec. The genuine reply comes 0.15 s after the forgery.
    @Test(arguments: ["wrongid", "wrongname", "wrongtype", "wrongclass", "wrongsource", "wrongport", "notresponse", "badopcode"])
    func aForgeryBeforeTheGenuineReplyChangesNothing(name: String) async throws {
        let result = try await Self.domain("\(name)-then.hostile.test")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "Domain '\(name)-then.hostile.test' has 1 MX and a TTL of 300 seconds", "no +dnssec from the forged AD=1")
        #expect(result.stdout.contains("[10 mx.genuine.\(name)-then.hostile.test. TTL:300]"))
        #expect(!result.stdout.contains("forged"))
    }

    @Test func aReplyInOtherLetterCaseIsTheReply() async throws {
        let result = try await Self.domain("casefolded.hostile.test")
        #expect(result.status == 0)
        #expect(result.stdout.contains("[10 mx.genuine.casefolded.hostile.test. TTL:300]"))
    }

    @Test func cnameLoopsAndOverlongChainsAreNamedAsSuch() async throws {
        let mxLoop = try await Self.domain("mxloop.hostile.test")
        #expect(mxLoop.status == 3)
        #expect(mxLoop.stdout == "Domain 'mxloop.hostile.test' MX lookup failed: indeterminate (CNAME loop: mxloop.hostile.test → a.mxloop.hostile.test → mxloop.hostile.test)\n")
        let hostLoop = try await Self.domain("hostloop.hostile.test")
        #expect(hostLoop.stdout.contains("  A lookup for loop.hostloop.hostile.test. failed: indeterminate (CNAME loop: loop.hostloop.hostile.test → loop2.hostloop.hostile.test → loop.hostloop.hostile.test)"))
        #expect(!hostLoop.stdout.contains("has no address records"))
        let chain = try await Self.domain("longchain.hostile.test")
        #expect(chain.stdout.contains("MX lookup failed: indeterminate (CNAME chain longer than 16 aliases: longchain.hostile.test → c1.longchain.hostile.test"))
        #expect(!chain.stdout.contains("implicit MX"))
    }

    @Test func aNullMXBesideOtherRecordsIsAMisconfigurationAndUndeliverable() async throws {
        let domain = try await Self.domain("nullmix.hostile.test")
        #expect(domain.status == 4)
        #expect(domain.lines.prefix(2) == [
            "Domain 'nullmix.hostile.test' has a null MX (RFC 7505) and a TTL of 300 seconds: it accepts no mail",
            "  warning: null MX beside 1 other MX record (mx.nullmix.hostile.test): a misconfiguration (RFC 7505 §3); a client that finds a null MX delivers no mail (RFC 7505 §4.1)",
        ])
        let check = try await CLI.run(["check", "--resolver", Self.hostile, "--timeout", Sandbox.timeout, "nullmix.hostile.test"])
        #expect(check.status == 4)
        #expect(check.stdout.hasPrefix("nullmix.hostile.test: undeliverable: null MX beside 1 other MX record"))
    }

    @Test func aTLSARecordTooShortToParseIsShownUnusable() async throws {
        let alone = try await Self.domain("shorttlsa.hostile.test")
        #expect(alone.stdout.contains("""
            TLSA '_25._tcp.mx.shorttlsa.hostile.test' has a TTL of 300 seconds +dnssec
              \\# 2 0301 (unusable: its data is 2 octets, too short to hold usage, selector and matching type (RFC 6698 §2.1))
            """))
        let beside = try await Self.domain("shorttlsa2.hostile.test", ["--json"])
        let json = try JSONSerialization.jsonObject(with: Data(beside.stdout.utf8)) as? [String: Any]
        let tlsa = ((json?["hosts"] as? [[String: Any]])?.first?["tlsa"] as? [String: Any])
        let records = tlsa?["records"] as? [[String: Any]] ?? []
        #expect(records.map { $0["usable"] as? Bool } == [true, false])
        #expect(records.last?["data"] as? String == "0301" && records.last?["usage"] == nil)
    }

    @Test func truncationWithTCPClosedSaysThatTCPFailed() async throws {
        let result = try await Self.domain("genuine.hostile.test", resolver: "127.53.1.3")
        #expect(result.status == 3)
        #expect(result.stdout == "Domain 'genuine.hostile.test' MX lookup failed: indeterminate (the answer from 127.53.1.3 was truncated over UDP (TC=1) and TCP failed: connect failed: Connection refused)\n")
    }

    @Test func aNameTooLongToQueryIsNeverSentAndSaysSo() async throws {
        let result = try await Self.domain("longname.hostile.test", ["--debug", "dns"])
        #expect(result.stdout.contains("lookup failed: indeterminate (no query sent: _25._tcp.hhhh"), "\(result.stdout)")
        #expect(result.stdout.contains("is 256 octets long, more than the 255 a DNS name may have)"))
        #expect(!result.stdout.contains("malformed"))
        // Never sent: the trace lists every query, and the TLSA one went to no server ("-").
        let tlsa = result.stderr.split(separator: "\n").filter { $0.contains(" _25._tcp.hhhh") }
        #expect(tlsa.count == 1 && tlsa.allSatisfy { $0.hasPrefix("dns: - _25._tcp.hhhh") && $0.contains(" no query sent: ") }, "\(result.stderr)")
    }

    @Test func remoteTextReachesTheTerminalEscaped() async throws {
        let text = try await Self.domain("esc.hostile.test")
        #expect(!text.stdout.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{07}" })
        #expect(text.stdout.contains(#"policy: none (TXT record: id '\x1b[31mred\x07' is not 1-32 letters and digits)"#), "\(text.stdout)")
        let json = try await Self.domain("esc.hostile.test", ["--json"])
        #expect(!json.stdout.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{07}" })
        #expect(json.stdout.contains(#""failure": "TXT record: id '\\x1b[31mred\\x07' is not 1-32 letters and digits""#), "\(json.stdout)")
        let smtp = try await CLI.run(["probe", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "h-controls.dane.test"])
        for output in [smtp.stdout, smtp.stderr] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{07}" || $0 == "\u{9b}" }, "\(output)")
        }
        #expect(smtp.stdout.contains(#"greeting: 220 h-controls.dane.test \x1b]0;owned\x07\x1b[2J ESMTP"#), "\(smtp.stdout)")
        #expect(smtp.stdout.contains(#"STARTTLS refused: 454 4.7.0 \x1b[31mno TLS\x1b[0m\u{9b}1m here"#), "\(smtp.stdout)")
    }

    @Test func aHugeRemoteFieldIsQuotedShort() async throws {
        let result = try await Self.domain("bigid.hostile.test")
        #expect(result.stdout.utf8.count < 1000, "\(result.stdout.utf8.count) octets")
        #expect(result.stdout.contains("policy: none (TXT record: id 'aaaa"))
        #expect(result.stdout.contains("…' (60416 octets) is not 1-32 letters and digits)"))
    }
}

/// What goes on the wire: every query its own source port and ID; TCP replies checked too.
@Suite(.sandbox, .timeLimit(.minutes(1))) struct QueryWireTests {
    @Test func everyQueryComesFromAFreshPortWithAFreshID() async throws {
        let transport = ResolverTransport(servers: [try ResolverAddress(parsing: HostileResolverTests.hostile)], timeout: 2)
        var ports = Set<String>(), ids = Set<String>()
        for _ in 0..<16 {
            let exchange = await transport.exchange(DNSQuery(name: DNSName(dnsText: "whoami.hostile.test."), type: .txt))
            guard case .response(let response) = exchange.outcome, let text = response.answer.first?.data.txtText else {
                Issue.record("no TXT answer: \(exchange.outcome)")
                return
            }
            let words = text.split(separator: " ")
            try #require(words.count >= 4, "\(words)")
            ports.insert(String(words[1]))
            ids.insert(String(words[3]))
        }
        // The kernel picks each socket's port at random; a reused socket would give one port.
        #expect(ports.count >= 12, "\(ports.sorted())")
        #expect(ids.count >= 12, "\(ids.sorted())")
    }

    @Test func overTCPAReplyWithAnotherIDIsDroppedToo() async throws {
        let result = try await HostileResolverTests.domain("tcpforged.hostile.test", ["--debug", "dns"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("[10 mx.genuine.tcpforged.hostile.test. TTL:300]"))
        #expect(result.stderr.contains("dns: 127.53.1.1 tcpforged.hostile.test. MX ignored a message: ID "), "\(result.stderr)")
    }
}
