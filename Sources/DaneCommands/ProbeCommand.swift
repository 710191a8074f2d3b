import ArgumentParser
import DaneCore
import Foundation

/// `danecheck probe HOST`: STARTTLS to every address of an MX host and DANE verification by OpenSSL.
public struct ProbeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to an MX host over SMTP, do STARTTLS, and verify its certificate against its TLSA records.",
        discussion: """
            Resolves the host's addresses and TLSA RRset by RFC 7672's rules, then probes every \
            address at once: greeting, EHLO, STARTTLS, the TLS handshake with OpenSSL's DANE \
            verification (SNI and reference identifier: the TLSA base domain), EHLO over TLS, QUIT. \
            Each step waits at most --timeout seconds. One line per address first (verdict and \
            reason), then the details: connect time, greeting, STARTTLS, the TLS line (protocol, \
            cipher, key exchange, server signature and digest, certificate key), \
            the peer chain, and each TLSA record marked "matched at depth N", "no match" or \
            "unusable (reason)".

            With --tlsa or --tlsa-file, the given records are used instead of DNS, and HOST may \
            be an address literal such as [192.0.2.25]. --show-chain adds each certificate as \
            PEM (posttls-finger -C).

            \(DanecheckVerdicts.summary)

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The MX host name, or [IP] with --tlsa/--tlsa-file.", valueName: "host"))
    public var host: String

    @Option(help: ArgumentHelp("Probe only this address.", valueName: "ip"))
    public var address: String?

    @Option(help: ArgumentHelp("A TLSA record to verify against instead of DNS, \"U S M HEX\" (repeatable).", valueName: "record"))
    public var tlsa: [String] = []

    @Option(help: ArgumentHelp("A file of TLSA records, one per line (\"U S M HEX\" or zone-file lines).", valueName: "file"))
    public var tlsaFile: String?

    @Flag(name: .customShort("4"), help: "Probe IPv4 addresses only.")
    public var ipv4Only = false

    @Flag(name: .customShort("6"), help: "Probe IPv6 addresses only.")
    public var ipv6Only = false

    @Flag(help: "Print each certificate of the peer chain as PEM too (posttls-finger -C).")
    public var showChain = false

    @OptionGroup public var output: OutputOptions
    @OptionGroup public var portOptions: PortOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var rolloverOptions: RolloverOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    /// What `validate()` made of HOST, --address and the given records.
    public private(set) var target = Target.literal(IPAddress("0.0.0.0")!)
    public private(set) var onlyAddress: IPAddress?
    public private(set) var givenRecords: [TLSARecord]?

    enum CodingKeys: String, CodingKey {
        case host, address, tlsa, tlsaFile, ipv4Only, ipv6Only, showChain, output, portOptions, probeOptions, rolloverOptions, resolverOptions
    }

    public init() {}

    public mutating func validate() throws {
        target = try Self.target(host, recordsGiven: !tlsa.isEmpty || tlsaFile != nil, ipv4Only: ipv4Only, ipv6Only: ipv6Only)
        if ipv4Only && ipv6Only { throw ValidationError("-4 and -6 exclude each other") }
        if let address {
            guard let parsed = IPAddress(address) else { throw ValidationError("--address \(BoundedText.quoted(address)) is not an IP address") }
            onlyAddress = parsed
        }
        givenRecords = try GivenTLSARecords.parse(tlsa, file: tlsaFile, option: "--tlsa-file")
    }

    public enum Target: Sendable {
        case name(DNSName)
        case literal(IPAddress)
    }

    static func target(_ host: String, recordsGiven: Bool, ipv4Only: Bool, ipv6Only: Bool) throws -> Target {
        if host.hasPrefix("[") && host.hasSuffix("]") {
            guard let literal = IPAddress(String(host.dropFirst().dropLast())) else {
                throw ValidationError("\(BoundedText.quoted(host)) is not an address literal")
            }
            guard recordsGiven else {
                throw ValidationError("probing \(host) needs the TLSA records: give --tlsa or --tlsa-file")
            }
            if (ipv4Only && literal.family != .ipv4) || (ipv6Only && literal.family != .ipv6) {
                throw ValidationError("\(host) is not an \(ipv4Only ? "IPv4" : "IPv6") address")
            }
            return .literal(literal)
        }
        do { return .name(try DNSName(validating: host)) } catch { throw ValidationError(error.description) }
    }

    public func run() async throws {
        let configuration = resolverOptions.configuration()
        let inspector = CommandEnvironment.shared.inspector(configuration)
        let hostProber = probeOptions.hostProber(resolverOptions, port: portOptions.port, rollover: rolloverOptions.settings)
        let report: HostProbeReport
        switch target {
        case .literal(let literal):
            let records = givenRecords ?? []
            report = await hostProber.probe(name: nil, host: nil,
                                            policy: .given(records, baseDomain: DNSName(dnsText: literal.text)),
                                            records: records, recordsGiven: true, addresses: [literal])
        case .name(let name):
            if let records = givenRecords {
                let lookups = await inspector.addressLookups(name)
                let host = HostReport(preference: 0, name: name, addressLookups: lookups, cnameLookup: nil,
                                      tlsa: TLSAReport(skipped: "records given on the command line", note: nil, attempts: []))
                report = await hostProber.probe(name: name, host: host, policy: .given(records, baseDomain: name),
                                                records: records, recordsGiven: true,
                                                addresses: filter(lookups.flatMap(\.addresses).sorted()))
            } else {
                async let resolvers = inspector.resolverReports()
                let host = await inspector.inspectHost(name, preference: 0)
                let reports = await resolvers
                reports.compactMap(\.warning).forEach { StandardError.warning($0, colour: output.colorsErrors) }
                report = await hostProber.probe(name: name, host: host, policy: .of(host),
                                                records: host.tlsa.entries.compactMap(\.record), recordsGiven: false,
                                                addresses: filter(host.addresses.map(\.address)))
                    .with(unvalidated: ResolverReport.unvalidated(reports, mode: configuration.validation,
                                                                 answersCarryAD: (host.addressLookups + host.tlsa.attempts).contains { $0.status == .secure }))
            }
        }
        try Task.checkCancellation()  // interrupted in the console: print nothing
        CommandEnvironment.shared.addressHistory.record([report])
        ProbeTrace.emit([report], options: resolverOptions)
        if output.json {
            StandardOutput.json(try JSONOutput.encode(ProbeJSON(report, showChain: showChain)))
        } else {
            StandardOutput.lines(ProbeTextRenderer.lines(report, showChain: showChain), colour: output.colorsOutput)
        }
        let code = DanecheckExit.code(for: report.outcome.exitClass)
        if code != DanecheckExit.ok { throw code }
    }

    /// The addresses to probe: -4/-6 and --address applied. An --address the host does not list
    /// in DNS is probed all the same (testing a new server before it is published).
    func filter(_ addresses: [IPAddress]) -> [IPAddress] {
        addresses.filter { candidate in
            if let onlyAddress, onlyAddress != candidate { return false }
            if ipv4Only && candidate.family != .ipv4 { return false }
            if ipv6Only && candidate.family != .ipv6 { return false }
            return true
        } + (onlyAddress.map { addresses.contains($0) ? [] : [$0] } ?? [])
    }
}
