import Testing
@testable import DaneCore

@Suite struct DNSNameTests {
    @Test func validNamesAreLowerCasedAndGetTheirTrailingDot() throws {
        #expect(try DNSName(validating: "Example.TEST").absolute == "example.test.")
        #expect(try DNSName(validating: "mx-1.example.test.").absolute == "mx-1.example.test.")
        #expect(try DNSName(validating: "example.test").text == "example.test")
    }

    @Test(arguments: [
        ("", DNSNameError.empty),
        (".", .root),
        ("a..b", .emptyLabel("a..b")),
        (".a", .emptyLabel(".a")),
        ("a b.test", .whitespace("a b.test")),
        ("a.test\r\n", .whitespace("a.test\r\n")),
        ("a\u{0}.test", .whitespace("a\u{0}.test")),
        ("192.0.2.1", .ipLiteral("192.0.2.1")),
        ("[192.0.2.1]", .ipLiteral("[192.0.2.1]")),
        ("2001:db8::1", .ipLiteral("2001:db8::1")),
        ("[IPv6:2001:db8::1]", .ipLiteral("[IPv6:2001:db8::1]")),
        ("under_score.test", .invalidCharacter("under_score.test", "_")),
        ("a*.test", .invalidCharacter("a*.test", "*")),
        ("-a.test", .hyphenAtLabelEdge("-a.test", label: "-a")),
        ("a-.test", .hyphenAtLabelEdge("a-.test", label: "a-")),
    ])
    func invalidNamesAreRejectedWithTheirReason(input: String, expected: DNSNameError) {
        #expect(throws: expected) { try DNSName(validating: input) }
    }

    @Test func labelOver63OctetsIsRejected() {
        let name = String(repeating: "a", count: 64) + ".test"
        #expect(throws: DNSNameError.labelTooLong(name, octets: 64)) { try DNSName(validating: name) }
        #expect(throws: Never.self) { try DNSName(validating: String(repeating: "a", count: 63) + ".test") }
    }

    @Test func nameOver253OctetsIsRejected() {
        let label = String(repeating: "a", count: 63)
        let name = [label, label, label, String(repeating: "b", count: 62)].joined(separator: ".")  // 254
        #expect(throws: DNSNameError.nameTooLong(name, octets: 254)) { try DNSName(validating: name) }
        #expect(throws: Never.self) { try DNSName(validating: String(name.dropFirst())) }
    }

    @Test(arguments: [
        ("bücher.example", "xn--bcher-kva.example."),
        ("München.DE", "xn--mnchen-3ya.de."),
        ("例え.テスト", "xn--r8jz45g.xn--zckzah."),
        ("mail.ドメイン.test", "mail.xn--eckwd4c7c.test."),
    ])
    func nonASCIINamesBecomeALabels(input: String, expected: String) throws {
        #expect(try DNSName(validating: input).absolute == expected)
    }

    @Test func aWildcardOwnerNameIsAcceptedOnlyWithStarAsTheWholeLeftmostLabel() throws {
        #expect(try DNSName(validatingOwner: "*.Example.com").absolute == "*.example.com.")
        #expect(try DNSName(validatingOwner: "*._tcp.example.com").absolute == "*._tcp.example.com.")
        for bad in ["a.*.example.com", "*a.example.com", "a*.example.com", "*.*.example.com", "*", "*."] {
            #expect(throws: DNSNameError.self, "\(bad)") { try DNSName(validatingOwner: bad) }
        }
        #expect(throws: DNSNameError.self) { try DNSName(validating: "*.example.com") }
    }

    @Test func nonASCIISymbolsAreRejectedSayingIDNA() {
        #expect(throws: DNSNameError.idna("☃→.test", reason: "character '☃' is not a letter, digit, mark or hyphen")) {
            try DNSName(validating: "☃→.test")
        }
        #expect(DNSNameError.idna("x", reason: "r").description.contains("IDNA"))
    }

    @Test func errorsStayOnOneLine() {
        let error = DNSNameError.whitespace("a.test\r\nRCPT TO:<x>")
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("\r"))
    }

    @Test func tlsaNamePrependsPortAndProtocol() throws {
        #expect(try DNSName(validating: "mx.example.test").tlsaName().absolute == "_25._tcp.mx.example.test.")
        #expect(try DNSName(validating: "mx.example.test").tlsaName(port: 465).absolute == "_465._tcp.mx.example.test.")
    }
}
