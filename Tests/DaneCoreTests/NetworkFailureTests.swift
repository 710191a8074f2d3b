import DaneCore
import Foundation
import Testing

/// A socket failure's cause is read from errno once (`NetworkFailure`), and only what it says
/// about the path out counts as evidence that this network blocks port 25.
@Suite struct NetworkFailureTests {
    @Test(arguments: [
        (ECONNREFUSED, NetworkFailure.refused), (EHOSTUNREACH, .unreachable(errno: EHOSTUNREACH)),
        (ENETUNREACH, .unreachable(errno: ENETUNREACH)), (ECONNRESET, .broken(errno: ECONNRESET)),
        (EPERM, .deniedLocally(errno: EPERM)), (EMFILE, .localResource(errno: EMFILE)),
        (ENFILE, .localResource(errno: ENFILE)), (ENOBUFS, .localResource(errno: ENOBUFS)), (EINVAL, .other(errno: EINVAL)),
    ])
    func errnoDecidesTheCase(code: Int32, failure: NetworkFailure) {
        #expect(NetworkFailure(errno: code) == failure)
        #expect(failure.code == code)
        #expect(failure.description == String(cString: strerror(code)))
    }

    @Test func onlyShortagesAndLocalRulesAreLocal() {
        #expect(NetworkFailure.localResource(errno: EMFILE).isLocal)
        #expect(NetworkFailure.deniedLocally(errno: EPERM).isLocal)
        #expect(!NetworkFailure.refused.isLocal)
        #expect(!NetworkFailure.unreachable(errno: EHOSTUNREACH).isLocal)
    }

    static func report(_ host: String, _ address: String, _ failure: ProbeFailure?) -> HostProbeReport {
        var transcript = SMTPTranscript()
        if let failure { transcript.failure = .transport(phase: .greeting, failure) }
        let probe = AddressProbe(address: IPAddress(address)!, port: 25, connectMilliseconds: failure == nil ? 1 : nil,
                                 deliveryMilliseconds: nil, transcript: transcript, tls: nil, refusedRecords: [],
                                 injectedBytes: 0, finishedAt: Date())
        let report = AddressReport(probe: probe, verdict: .defer, cause: .noSession(nil), marks: [])
        return HostProbeReport(host: nil, name: DNSName(dnsText: host), policy: .opportunistic(reason: "no TLSA"), records: [],
                               recordsGiven: false, addresses: [report])
    }

    @Test func refusedConnectionsToTwoUnrelatedDomainsAreEvidence() {
        var tally = OutboundPortTally()
        tally.add([Self.report("mx1.a.test", "192.0.2.1", .connect(.refused))])
        #expect(tally.warning == nil, "one domain")
        tally.add([Self.report("mx2.b.test", "192.0.2.2", .connect(.refused))])
        #expect(tally.warning?.contains("to the MX hosts of unrelated domains (2 refused: [192.0.2.1]:25 (mx1.a.test), [192.0.2.2]:25 (mx2.b.test))") == true,
                "\(tally.warning ?? "nil")")
    }

    /// A domain whose hosts are down, however many and wherever, and domains that share a
    /// provider (a registrable domain among their hosts) look like a blocked port: no claim.
    @Test func oneDomainOrDomainsSharingAProviderAreNoEvidence() {
        var one = OutboundPortTally()
        one.add((1...100).map { Self.report("mx\($0).\($0 % 2 == 0 ? "a" : "b").test", "192.0.2.\($0)", .connect(.refused)) })
        #expect(one.warning == nil, "one domain, hosts under a.test and b.test")
        var shared = OutboundPortTally()
        shared.add([Self.report("mx1.p.test", "192.0.2.1", .connect(.refused)), Self.report("mx.q.test", "192.0.2.2", .connect(.refused))])
        shared.add([Self.report("mx2.p.test", "192.0.2.3", .connect(.refused))])
        shared.add([Self.report("mx.sub.q.test", "192.0.2.4", .connect(.refused)), Self.report("mx3.p.test", "192.0.2.5", .connect(.refused))])
        #expect(shared.warning == nil, "every domain shares p.test or q.test with another")
        shared.add([Self.report("mx.r.test", "192.0.2.6", .timeout(phase: "the TCP connection", seconds: 2, detail: ""))])
        #expect(shared.warning?.hasPrefix("outbound port 25 of this network looks blocked: all 6 connections failed") == true, "\(shared.warning ?? "nil")")
        shared.add([Self.report("mx.s.test", "192.0.2.7", nil)])
        #expect(shared.warning == nil, "one connection made")
    }

    /// Out of file descriptors, or cancelled: nothing was learned about the path, so the same
    /// two hosts make no claim.
    @Test(arguments: [ProbeFailure.connect(.localResource(errno: EMFILE)), .cancelled])
    func aLocalShortageOrACancelledProbeIsNoEvidence(failure: ProbeFailure) {
        var tally = OutboundPortTally()
        tally.add([Self.report("mx1.a.test", "192.0.2.1", failure), Self.report("mx2.b.test", "192.0.2.2", failure)])
        #expect(tally.warning == nil)
        tally.add([Self.report("mx3.c.test", "192.0.2.3", .connect(.refused))])
        #expect(tally.warning == nil, "one refused address is not enough, the others do not count")
    }

    @Test func aKernelTimeoutOfTheConnectIsATimeout() {
        #expect(ProbeFailure.connect(.broken(errno: ETIMEDOUT)).connectOutcome == .timedOut)
        #expect(ProbeFailure.io(.broken(errno: ECONNRESET)).connectOutcome == .connected)
    }
}
