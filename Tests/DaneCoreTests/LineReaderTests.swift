import Testing
@testable import DaneCore

/// Input read in bounds: no line, stream or count can take unbounded memory or time.
@Suite struct LineReaderTests {
    static func items(_ reader: inout LineReader) -> [LineReader.Item] {
        var items: [LineReader.Item] = []
        while let item = reader.next() { items.append(item) }
        return items
    }

    @Test func linesEndInLFOrCRLFAndTheLastNeedsNoEnd() {
        var reader = LineReader(text: "a.test\r\nb.test\nc.test")
        #expect(Self.items(&reader) == [.line(number: 1, text: "a.test"), .line(number: 2, text: "b.test"),
                                         .line(number: 3, text: "c.test")])
    }

    @Test func anOverlongLineIsReportedAndTheNextOneRead() {
        var reader = LineReader(text: String(repeating: "x", count: 10_000) + "\nok.test\n")
        #expect(Self.items(&reader) == [.tooLong(number: 1), .line(number: 2, text: "ok.test")])
    }

    @Test func anEndlessLineStopsTheReadingAfterAMebibyte() {
        var chunks = 0
        var reader = LineReader(read: {
            chunks += 1
            return [UInt8](repeating: 0, count: 65_536)  // /dev/zero
        })
        #expect(Self.items(&reader) == [.stopped(number: 1, reason: "no end of line within 1 MiB: the rest is not read")])
        #expect(chunks <= 18, "read \(chunks) chunks of 64 KiB")
    }

    @Test func chunksSplittingALineAreJoined() {
        var parts = [Array("exam".utf8), Array("ple.test\nsec".utf8), Array("ond.test\n".utf8)]
        var reader = LineReader(read: { parts.isEmpty ? nil : parts.removeFirst() })
        #expect(Self.items(&reader) == [.line(number: 1, text: "example.test"), .line(number: 2, text: "second.test")])
    }

    @Test func batchInputNamesTheLineOfEachProblem() {
        var input = BatchInput()
        input.add(file: "ok.test\n" + String(repeating: "y", count: 5000) + "\n# comment\nbad..name\n", name: "list")
        #expect(input.domains.map(\.text) == ["ok.test"])
        #expect(input.problems.map(\.description) == ["list:2: line longer than 4096 octets",
                                                       "list:4: invalid domain name 'bad..name': empty label"])
    }
}

/// Text from the network reaches a terminal with its control characters escaped.
@Suite struct TerminalTextTests {
    @Test func controlsAndBidiOverridesAreEscapedPrintableTextIsNot() {
        #expect(TerminalText.escape("plain text, ünïcode ✓") == "plain text, ünïcode ✓")
        #expect(TerminalText.escape("a\u{1b}[31mred\u{07}") == "a\\x1b[31mred\\x07")
        #expect(TerminalText.escape("line\nbreak\r\tand\u{7f}") == "line\\nbreak\\r\\tand\\x7f")
        #expect(TerminalText.escape("csi\u{9b}2J rtl\u{202e}") == "csi\\u{9b}2J rtl\\u{202e}")
    }

    @Test func jsonCarriesTheSameTextWithNothingRawForATerminal() throws {
        let json = try JSONOutput.line(["text": "\u{1b}]0;title\u{07} \u{9b}1m \u{202e}"])
        #expect(!json.unicodeScalars.contains { TerminalText.needsEscape($0) && $0 != "\n" })
        #expect(json == #"{"text":"\u001b]0;title\u0007 \u009b1m \u202e"}"# + "\n")
    }

    @Test func echoedTextIsCutToAShortPrefix() {
        let long = String(repeating: "a", count: 10_000_000)
        let quoted = BoundedText.quoted(long)
        #expect(quoted.count < 120)
        #expect(quoted.hasSuffix("…' (10000000 octets)"))
        #expect(DNSNameError.labelTooLong(long, octets: 10_000_000).description.count < 200)
    }
}

/// RFC 7505 §3: a null MX must be alone; §4.1: a client that finds one delivers nothing.
@Suite struct NullMXBesideOthersTests {
    @Test func aNullMXBesideOtherRecordsIsUndeliverableAndSaysWhy() {
        let mx = Lookup(name: DNSName(dnsText: "x.test"), type: .mx, status: .secure, answer: .records([
            .mx(preference: 0, exchange: DNSName(dnsText: ".")), .mx(preference: 10, exchange: DNSName(dnsText: "mx.x.test")),
        ]), ttl: 300)
        let (kind, hosts) = DomainInspector.mailHosts(of: mx)
        #expect(kind == .nullMX && hosts.isEmpty)
        let report = DomainReport(domain: DNSName(dnsText: "x.test"), resolvers: [], mx: mx, kind: kind, hosts: [])
        #expect(report.hostsBesideNullMX == [DNSName(dnsText: "mx.x.test")])
        let verdict = DomainVerdictRule.evaluate(report, [])
        #expect(verdict.verdict == .undeliverable)
        #expect(verdict.reason == "null MX beside 1 other MX record (mx.x.test): a misconfiguration (RFC 7505 §3); a client that finds a null MX delivers no mail (RFC 7505 §4.1)")
        let alone = DomainReport(domain: DNSName(dnsText: "x.test"), resolvers: [],
                                 mx: Lookup(name: DNSName(dnsText: "x.test"), type: .mx, status: .secure,
                                            answer: .records([.mx(preference: 0, exchange: DNSName(dnsText: "."))]), ttl: 300),
                                 kind: .nullMX, hosts: [])
        #expect(alone.nullMXWarning == nil)
    }
}
