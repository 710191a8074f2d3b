import ArgumentParser
import DaneCore
import Foundation

/// `danecheck tlsa create (--cert FILE | HOST)`: TLSA records to publish, verified before printing.
public struct TLSACreateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make the TLSA records to publish for a mail server, from a chain file or from what the server presents.",
        discussion: """
            The chain comes from --cert (a PEM file: the server's certificate first, then its \
            issuer and any others) or from HOST over SMTP STARTTLS (every address is probed; \
            the first that completes TLS gives the chain). Without --usage, --selector or \
            --matching, the output is the pair that survives a renewal: "3 1 1" of the server's \
            key and "2 1 1" of the issuing CA's key (RFC 7671 section 8.1); with any of them, one record \
            with those values (defaults 3 1 1; usage 3 pins the server's certificate, 2 its \
            issuer). Every record is verified against the chain it came from with OpenSSL's DANE \
            verification, as a probe would (DANE-TA also checks the name, HOST or --cert's first \
            name, and the validity dates); nothing is printed if one would not verify.

            Output: zone-file lines, "OWNER [TTL] IN TLSA U S M DATA ; what it pins", owner \
            _PORT._tcp.HOST. unless --name. With --json: owner, ttl, source (file, host), \
            origin, base_domain, records[] {usage, selector, matching, data, zone_line, \
            verified_depth, certificate {depth, subject, not_after, sha256}}.

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The MX host: names the records and, without --cert, is probed for its chain.", valueName: "host"))
    public var host: String?

    @Option(help: ArgumentHelp("PEM chain file, the server's certificate first.", valueName: "file"))
    public var cert: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Certificate usage: 3 (DANE-EE, the server's certificate) or 2 (DANE-TA, its issuer).", valueName: "usage"))
    public var usage: UInt8?

    @Option(parsing: .unconditional, help: ArgumentHelp("Selector: 1 (public key) or 0 (whole certificate).", valueName: "selector"))
    public var selector: UInt8?

    @Option(parsing: .unconditional, help: ArgumentHelp("Matching type: 1 (SHA-256), 2 (SHA-512) or 0 (full data).", valueName: "type"))
    public var matching: UInt8?

    @Option(help: ArgumentHelp("Owner name of the records (default: _PORT._tcp.HOST.).", valueName: "owner"))
    public var name: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("TTL to write on each line (default: none, the zone's $TTL applies).", valueName: "seconds"))
    public var ttl: UInt32?

    @OptionGroup public var output: OutputOptions
    @OptionGroup public var portOptions: PortOptions
    @OptionGroup public var probeOptions: ProbeOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    /// What `validate()` made of HOST, --name and --cert.
    public private(set) var hostName: DNSName?
    public private(set) var ownerName: DNSName?
    public private(set) var fileChain: [PeerCertificate]?

    enum CodingKeys: String, CodingKey {
        case host, cert, usage, selector, matching, name, ttl, output, portOptions, probeOptions, resolverOptions
    }

    public init() {}

    public mutating func validate() throws {
        guard host != nil || cert != nil else { throw ValidationError("give HOST, or --cert FILE") }
        do {
            hostName = try host.map { text throws(DNSNameError) in try DNSName(validating: text) }
            ownerName = try name.map { text throws(DNSNameError) in try DNSName(validatingOwner: text) }
        } catch {
            throw ValidationError(error.description)
        }
        if let cert, !FileManagerCheck.isReadable(cert) { throw ValidationError("cannot read --cert \(BoundedText.prefix(cert))") }
        do { try TLSARecordGenerator.check(usage: usage, selector: selector, matching: matching) } catch {
            throw ValidationError(error.description)
        }
        if let cert {
            do { fileChain = try CertificateChainFile.load(cert) } catch { throw ValidationError(error.description) }
        }
    }

    public func run() async throws {
        let chain: [PeerCertificate]
        let source: String, origin: String
        if let fileChain, let cert {
            chain = fileChain
            (source, origin) = ("file", cert)
        } else if let hostName {
            let (presented, address) = try await PresentedChain.fetch(hostName, port: portOptions.port, probeOptions: probeOptions,
                                                                      resolverOptions: resolverOptions, colour: output.colorsErrors)
            chain = presented
            (source, origin) = ("host", "[\(address)]:\(portOptions.port)")
        } else {
            throw CommandError("give HOST, or --cert FILE", exitCode: DanecheckExit.usage)
        }
        guard let baseDomain = hostName ?? chain.first?.names.lazy.filter({ !$0.hasPrefix("*") }).compactMap({ try? DNSName(validating: $0) }).first else {
            throw CommandError("the certificate names no host: give HOST", exitCode: DanecheckExit.usage)
        }
        let generated: [TLSARecordGenerator.Generated]
        do {
            generated = try TLSARecordGenerator.records(chain, usage: usage, selector: selector, matching: matching)
        } catch { throw CommandError(error.description, exitCode: DanecheckExit.usage) }
        let selfSigned = chain.count == 1 && chain[0].subject == chain[0].issuer
        if generated.count == 1, usage == nil, selector == nil, matching == nil, !selfSigned {
            StandardError.warning("\(origin) holds no issuing CA certificate: only 3 1 1 made (add the issuer for a 2 1 1 backup)", colour: output.colorsErrors)
        }
        var depths: [Int] = []
        for item in generated {
            switch DANEChainVerifier.verify(chain, records: [item.record], baseDomain: baseDomain) {
            case .matched(let match) where match.record == item.record:
                depths.append(match.depth)
            case .matched:
                throw failure("\(item.record.usage) \(item.record.selector) \(item.record.matchingType) matched another record")
            case .failed(let reason):
                throw failure("\(item.record.usage) \(item.record.selector) \(item.record.matchingType) would not verify against the chain from \(origin) for \(baseDomain.text): \(reason)")
            }
        }
        let owner = ownerName ?? baseDomain.tlsaName(port: portOptions.port)
        let creation = TLSACreation(owner: owner, ttl: ttl, source: source, origin: origin, baseDomain: baseDomain,
                                    records: generated, verifiedDepths: depths)
        try Task.checkCancellation()  // interrupted in the console: print nothing
        if output.json {
            StandardOutput.json(try JSONOutput.encode(TLSACreationJSON(creation)))
        } else {
            StandardOutput.lines(creation.zoneLines)
        }
    }

    private func failure(_ text: String) -> CommandError {
        CommandError(text, exitCode: DanecheckExit.deferred)
    }
}
