import Testing
@testable import DaneCore

/// The line of a domain whose every MX host defers: identical causes grouped, distinct causes
/// each once with their hosts counted, under about 300 characters whatever the number of hosts.
@Suite struct DeferralLineTests {
    func hosts(_ count: Int, cause: (Int) -> String) -> [(host: DNSName, cause: HostCause)] {
        (1...count).map { (DNSName(dnsText: "mx\($0).example.test"), HostCause.unusable(cause($0))) }
    }

    @Test func identicalCausesAreNamedOnceWithTheFirstAndLastHost() {
        let line = DeferralLine.text(hosts(100) { _ in "connect failed: Connection refused" })
        #expect(line == "every MX host defers: all 100 hosts: connect failed: Connection refused (mx1.example.test … mx100.example.test)")
        #expect(DeferralLine.text(hosts(2) { _ in "x" }) == "every MX host defers: all 2 hosts: x (mx1.example.test, mx2.example.test)")
    }

    @Test func distinctCausesAreEachNamedOnceWithTheirHostsCounted() {
        let line = DeferralLine.text(hosts(100) { $0 % 2 == 1 ? "timeout after 5s waiting for the TCP connection" : "no TLSA record matches" })
        #expect(line == "every MX host defers: 50 hosts: timeout after 5s waiting for the TCP connection (mx1.example.test … mx99.example.test); "
                + "50 hosts: no TLSA record matches (mx2.example.test … mx100.example.test)")
        // One host per cause reads as before: "host: cause".
        #expect(DeferralLine.text(hosts(2) { "cause \($0)" }) == "every MX host defers: mx1.example.test: cause 1; mx2.example.test: cause 2")
        #expect(DeferralLine.text(hosts(1) { _ in "refused" }) == "mx1.example.test: refused")
    }

    @Test func theLineStaysShortWhateverTheNumberOfHostsOrCauses() {
        let line = DeferralLine.text(hosts(500) { "a cause of its own, number \($0), which takes some room in the line" })
        #expect(line.count <= DeferralLine.targetLength, "\(line.count): \(line)")
        #expect(line.hasSuffix("; and 498 more causes (498 hosts)"), "\(line)")
        let long = DeferralLine.text(hosts(3) { "\($0) " + String(repeating: "x", count: 5000) })
        #expect(long.count <= DeferralLine.targetLength + 60, "\(long.count)")
    }
}
