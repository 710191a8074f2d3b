import ArgumentParser
import DaneCore
import Foundation

/// `danecheck tlsa verify HOST`: will this chain match the TLSA records, before it is deployed.
public struct TLSAVerifyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a certificate chain matches the TLSA records: before deploying a renewed certificate.",
        discussion: """
            The chain: --cert FILE (PEM, the server's certificate first, then its issuer and any \
            others, as the server will send them), or without --cert the chain HOST presents now \
            over SMTP STARTTLS. With --cert and --also-current, both: the records must match the \
            chain in use and the new one, the state in which swapping the certificate is safe.

            The records: each --record "U S M DATA" (as in a zone file; hex in any case, spaces \
            allowed inside DATA), or without --record the TLSA RRset at _PORT._tcp.HOST (CNAMEs \
            followed) with its DNSSEC status; an insecure, bogus or empty RRset is said so and is \
            not a pass.

            Verification is OpenSSL's DANE verification, the calls a handshake makes: DANE-EE \
            (3) ignores names and dates (RFC 7672 section 3.1.1); DANE-TA (2) checks the chain's \
            dates and the names: HOST (the TLSA base domain) and each --name (the MX name, the \
            next-hop domain; section 3.2.2). Usages 0 and 1 and malformed records are unusable \
            for SMTP; for each usage and selector only the strongest published matching type \
            counts (digest agility, RFC 7671 section 9).

            Output: where the records come from, one line per record and chain ("matched at \
            depth N", "no match", "unusable (why)"), and the answer: "pass: 3 1 1 ... matches the \
            server's certificate at depth 0" or "fail: ..." with the reason (no record matches, \
            the OpenSSL error in words). Exit 0 pass, 1 fail, 2 usage or unreadable input, 3 the \
            TLSA lookup got no answer; the host's own lookups follow the table below. In an ACME \
            client's deploy hook: see contrib/danecheck-deploy-hook.

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The MX host: the TLSA base domain and, without --cert, the server to fetch the chain from.", valueName: "host"))
    public var host: String

    @Option(help: ArgumentHelp("PEM chain file to verify (the server's certificate first).", valueName: "file"))
    public var cert: String?

    @Option(name: .customLong("record"), help: ArgumentHelp("A TLSA record to verify against instead of DNS, \"U S M DATA\" (repeatable).", valueName: "record"))
    public var records: [String] = []

    @Option(name: .customLong("name"), help: ArgumentHelp("A further name a DANE-TA certificate may carry: the MX name, the next-hop domain (repeatable).", valueName: "name"))
    public var names: [String] = []

    @Flag(help: "With --cert: also verify the chain HOST presents now; pass only if both match.")
    public var alsoCurrent = false

    @OptionGroup public var output: OutputOptions
    @OptionGroup public var portOptions: PortOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    /// What `validate()` made of HOST, the names, the records and the chain file.
    public private(set) var hostName = DNSName(dnsText: ".")
    public private(set) var extraNames: [DNSName] = []
    public private(set) var givenRecords: [TLSARecord]?
    public private(set) var fileChain: [PeerCertificate]?

    enum CodingKeys: String, CodingKey {
        case host, cert, records, names, alsoCurrent, output, portOptions, probeOptions, resolverOptions
    }

    public init() {}

    public mutating func validate() throws {
        do {
            hostName = try DNSName(validating: host)
            extraNames = try names.map { text throws(DNSNameError) in try DNSName(validating: text) }
        } catch {
            throw ValidationError(error.description)
        }
        givenRecords = try GivenTLSARecords.parse(records, file: nil, option: "--record")
        if alsoCurrent && cert == nil { throw ValidationError("--also-current compares with the chain of --cert: give --cert FILE") }
        if let cert {
            guard FileManagerCheck.isReadable(cert), !FileManagerCheck.isDirectory(cert) else {
                throw ValidationError("cannot read --cert \(BoundedText.prefix(cert))")
            }
            do { fileChain = try CertificateChainFile.load(cert) } catch { throw ValidationError(error.description) }
        }
    }

    public func run() async throws {
        let configuration = resolverOptions.configuration()
        let inspector = CommandEnvironment.shared.inspector(configuration)
        let source: TLSAVerification.Source
        let tlsaRecords: [TLSARecord]
        if let givenRecords {
            (source, tlsaRecords) = (.given, givenRecords)
        } else {
            async let resolvers = inspector.resolverReports()
            let lookup = await inspector.tlsaLookup(hostName, port: portOptions.port)
            (await resolvers).compactMap(\.warning).forEach { StandardError.warning($0, colour: output.colorsErrors) }
            source = .dns(lookup)
            tlsaRecords = lookup.records.compactMap { if case .tlsa(let record) = $0 { record } else { nil } }
        }
        let names = [hostName] + extraNames
        var judgements: [ChainJudgement] = []
        if fileChain == nil || alsoCurrent {
            let (chain, address) = try await PresentedChain.fetch(hostName, port: portOptions.port, probeOptions: probeOptions,
                                                                  resolverOptions: resolverOptions, colour: output.colorsErrors)
            judgements.append(.judge(chain, label: "current chain", origin: "[\(address)]:\(portOptions.port)", records: tlsaRecords, names: names))
        }
        if let fileChain, let cert {
            judgements.append(.judge(fileChain, label: "new chain", origin: BoundedText.prefix(cert), records: tlsaRecords, names: names))
        }
        let verification = TLSAVerification(host: hostName, names: names, source: source, records: tlsaRecords, judgements: judgements)
        try Task.checkCancellation()  // interrupted in the console: print nothing
        if output.json {
            StandardOutput.json(try JSONOutput.encode(TLSAVerificationJSON(verification)))
        } else {
            StandardOutput.lines(TLSAVerificationTextRenderer.lines(verification), colour: output.colorsOutput)
        }
        let code = DanecheckExit.code(for: verification.exitClass)
        if code != DanecheckExit.ok { throw code }
    }
}
