import DaneCore
import Foundation
import Synchronization
import Testing

/// Evidence once, judgement per domain: a probe made without verification and its chain judged
/// offline (`ProbeJudgement`) must give what a handshake that verified in place gives, for every
/// SMTP case of the sandbox (each Postfix listener of zone dane.test), under its DANE policy with
/// a next-hop domain (DANE-TA names) and under a PKIX policy; and for the two-certificate cases,
/// offering only RSA and only ECDSA.
@Suite(.sandbox) struct EvidenceJudgementTests {
    /// Every host of zone dane.test served by a Postfix listener (127.0.10.N).
    static func smtpCases() throws -> [String] {
        let zone = try String(contentsOf: Sandbox.stateDirectory.appendingPathComponent("smtp/dane.test.zone"), encoding: .utf8)
        var hosts: [String] = []
        for line in zone.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 5, fields[2] == "IN", fields[3] == "A", fields[4].hasPrefix("127.0.10.") else { continue }
            if !hosts.contains(String(fields[0])) { hosts.append(String(fields[0])) }
        }
        return hosts
    }

    struct Judged: Equatable, CustomStringConvertible {
        let verdict: Verdict
        let reason: String
        let match: DANEMatch?
        let verifyCode: Int?
        let verifyError: String?
        let refused: [TLSARecord]
        let failure: String?

        init(_ probe: AddressProbe, _ policy: DANEPolicy) {
            let judged = AddressVerdictRule.evaluate(policy, probe)
            (verdict, reason) = (judged.0, judged.1.description)
            match = probe.tls?.daneMatch
            verifyCode = probe.tls?.verifyCode
            verifyError = probe.tls?.verifyError
            refused = probe.refusedRecords
            failure = probe.transcript.failure?.description
        }

        var description: String { "\(verdict): \(reason) [code \(verifyCode.map(String.init) ?? "-"), \(failure ?? "no failure")]" }
    }

    @Test func offlineJudgementEqualsInHandshakeVerificationOnEveryCase() async throws {
        let hosts = try Self.smtpCases()
        #expect(hosts.count >= 30, "\(hosts)")
        let inspector = try Sandbox.inspector()
        let prober = SMTPProber(ehloName: "probe.sandbox.test", timeout: Sandbox.timeoutSeconds)
        let root = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/root.pem").path
        // Six hosts at a time: the suite's timing tests run beside this one on two cores.
        // Each host gives its differences and how many probes it compared: the equivalence holds
        // only if it was tested, on TLS that was established (no STARTTLS: three cases only).
        let withoutSTARTTLS: Set<String> = ["nostarttls-usable", "nostarttls-unusable", "plain"]
        var compared: [(differences: [String], count: Int)] = []
        for start in stride(from: 0, to: hosts.count, by: 6) {
            compared += await Array(hosts[start..<min(start + 6, hosts.count)]).concurrentMap { host -> ([String], Int) in
                guard let name = try? DNSName(validating: "\(host).dane.test") else { return (["\(host): bad name"], 0) }
                let report = await inspector.inspectHost(name, preference: 10)
                let nextHop = try? DNSName(validating: "\(host).mx.dane.test")
                var policies = [DANEPolicy.of(report, nextHop: nextHop),
                                .pkix(PKIXExpectation(caFile: root, hostname: name), required: true, reason: "PKIX")]
                if host.hasPrefix("dual-") || host == "rsa-only" {
                    policies.append(DANEPolicy.of(report, nextHop: nextHop))
                }
                var differences: [String] = []
                var count = 0
                if report.addresses.isEmpty { differences.append("\(host): no address") }
                for (index, policy) in policies.enumerated() {
                    var request = policy.request(host: name)
                    if index == 2 { request = request.offering(host == "rsa-only" ? .rsa : .ecdsa) }
                    for address in report.addresses.map(\.address) {
                        let inHandshake = await prober.probe(address, port: 25, request: request)
                        let evidence = await prober.probe(address, port: 25, request: request.evidence)
                        let offline = ProbeJudgement.judge(evidence, for: request)
                        let expected = Judged(inHandshake, policy), got = Judged(offline, policy)
                        count += 1
                        if inHandshake.transcript.tlsEstablished == withoutSTARTTLS.contains(host) {
                            differences.append("\(host): TLS \(inHandshake.transcript.tlsEstablished ? "" : "not ")established: \(expected)")
                        }
                        if expected != got { differences.append("\(host) [\(address)] \(policy.keyword): in handshake \(expected), offline \(got)") }
                        if inHandshake.tls == nil, inHandshake.transcript.tlsEstablished {
                            differences.append("\(host): TLS established without a session")
                        }
                    }
                }
                return (differences, count)
            }
        }
        let differences = compared.flatMap(\.differences)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(hosts.filter { $0.hasPrefix("dual-") || $0 == "rsa-only" }.count == 3)
        // Every host has an address (else its differences say so): at least two comparisons each.
        #expect(compared.map(\.count).reduce(0, +) >= hosts.count * 2 + 3, "one comparison per address, policy and offer")
    }

    /// A DANE-TA host used by many domains: its expectation differs per next-hop domain, its
    /// evidence does not. One default handshake and one per key type offered alone (made beside it,
    /// so that they add no round trip), however many domains.
    @Test func oneHandshakePerAddressAndKeyTypeForManyDomains() async throws {
        let inspector = try Sandbox.inspector()
        let lines = Mutex<[String]>([])
        let prober = SMTPProber(ehloName: "probe.sandbox.test", timeout: Sandbox.timeoutSeconds) { line in lines.withLock { $0.append(line) } }
        let hostProber = HostProber(prober: prober)
        let name = try DNSName(validating: "ta-inter.dane.test")
        let host = await inspector.inspectHost(name, preference: 10)
        let reports = await Array(1...6).concurrentMap { index in
            await hostProber.probe(host, nextHop: try? DNSName(validating: "d\(index).example.test"))
        }
        for report in reports {
            #expect(report.addresses.map(\.verdict) == [.authenticated], "\(report.addresses.map(\.reason))")
            #expect(report.addresses.first?.keyTypes.map(\.finding) == [.notHeld])
        }
        let startTLS = lines.withLock { $0 }.filter { $0.hasSuffix("> STARTTLS") }
        #expect(startTLS.count == 3, "\(startTLS)")  // the default offer, RSA only, ECDSA only
    }

    /// The survey hosts of bench/scale.sh (wildcard domains over DANE-EE, DANE-TA, a CNAME'd host,
    /// EE beside TA): every domain authenticated, through the host its MX names.
    @Test func surveyDomainsAuthenticateThroughTheirHosts() async throws {
        let domains = (1...8).map { "d\($0).w\(($0 - 1) % 4 + 1).survey.dane.test" }
        let run = try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout] + domains)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        for (index, domain) in domains.enumerated() {
            let via = ["s1", "s2", "s3alias", "s4"][index % 4]
            #expect(run.stdout.contains("\(domain): authenticated via \(via).dane.test: "), "\(run.stdout)")
        }
    }

    /// The equivalence must not hold by accident: the cases cover every verdict a chain can get,
    /// under DANE and under PKIX (a chain to the sandbox root with the right name, a wrong name,
    /// and a chain to no trusted root).
    @Test func theCasesCoverAuthenticatedDeferAndPKIXFailures() async throws {
        let inspector = try Sandbox.inspector()
        let prober = SMTPProber(ehloName: "probe.sandbox.test", timeout: Sandbox.timeoutSeconds)
        let root = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/root.pem").path
        var verdicts: [String: Verdict] = [:]
        for host in ["ee311", "ta-inter", "wrongdigest", "ta-wrongname", "notlsa", "selfsigned"] {
            let name = try DNSName(validating: "\(host).dane.test")
            let report = await inspector.inspectHost(name, preference: 10)
            let address = try #require(report.addresses.first?.address)
            let policies = ["dane": DANEPolicy.of(report), "pkix": .pkix(PKIXExpectation(caFile: root, hostname: name), required: true, reason: "PKIX")]
            for (label, policy) in policies {
                let request = policy.request(host: name)
                let offline = ProbeJudgement.judge(await prober.probe(address, port: 25, request: request.evidence), for: request)
                verdicts["\(host) \(label)"] = AddressVerdictRule.evaluate(policy, offline).0
            }
        }
        #expect(verdicts == [
            "ee311 dane": .authenticated, "ta-inter dane": .authenticated, "wrongdigest dane": .defer,
            "ta-wrongname dane": .defer, "notlsa dane": .opportunistic, "selfsigned dane": .authenticated,
            "ee311 pkix": .verified, "ta-inter pkix": .verified, "wrongdigest pkix": .verified,
            "ta-wrongname pkix": .defer, "notlsa pkix": .verified, "selfsigned pkix": .defer,
        ])
    }
}
