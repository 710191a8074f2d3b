import Testing
@testable import DaneCore

@Suite struct ResolverAddressTests {
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1", UInt16(53)),
        ("127.0.0.1@5353", "127.0.0.1", 5353),
        ("::1", "::1", 53),
        ("::1@5302", "::1", 5302),
        ("[::1]@5302", "::1", 5302),
        ("[2001:DB8:0:0::1]", "2001:db8::1", 53),
    ])
    func parsesAddressAndPort(text: String, address: String, port: UInt16) throws {
        let parsed = try ResolverAddress(parsing: text)
        #expect(parsed.address.text == address)
        #expect(parsed.port == port)
    }

    @Test func describesIPv6WithPortInBrackets() throws {
        #expect(try ResolverAddress(parsing: "::1@5302").description == "[::1]@5302")
        #expect(try ResolverAddress(parsing: "::1").description == "::1")
        #expect(try ResolverAddress(parsing: "192.0.2.1@53").description == "192.0.2.1")
    }

    @Test func rejectsNamesAndBadPorts() {
        #expect(throws: ResolverAddressError.notAnAddress("dns.google")) { try ResolverAddress(parsing: "dns.google") }
        #expect(throws: ResolverAddressError.badPort("127.0.0.1@0")) { try ResolverAddress(parsing: "127.0.0.1@0") }
        #expect(throws: ResolverAddressError.badPort("127.0.0.1@70000")) { try ResolverAddress(parsing: "127.0.0.1@70000") }
        #expect(throws: ResolverAddressError.badPort("127.0.0.1@")) { try ResolverAddress(parsing: "127.0.0.1@") }
    }

    @Test func resolvConfNameserversInOrderSkippingTheRest() {
        let text = """
            # comment
            search example.test
            nameserver 192.0.2.53
            nameserver fe80::1%eth0
            nameserver not-an-address
            options trust-ad
            nameserver\t2001:db8::53
            """
        #expect(ResolvConf.nameservers(in: text).map(\.description) == ["192.0.2.53", "fe80::1", "2001:db8::53"])
    }

    @Test func resolvConfWithoutNameserversIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("resolv-\(UUID()).conf").path
        try "search example.test\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ResolvConfError.noNameservers(path)) { try ResolvConf.nameservers(atPath: path) }
        #expect(throws: ResolvConfError.unreadable("/nonexistent/resolv.conf")) {
            try ResolvConf.nameservers(atPath: "/nonexistent/resolv.conf")
        }
    }
}

import Foundation
