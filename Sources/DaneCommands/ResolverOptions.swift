import ArgumentParser
import DaneCore

/// Options shared by every command that looks things up in DNS. `validate()` parses them once
/// (addresses, debug categories, trust anchor files); the commands use what it kept.
public struct ResolverOptions: ParsableArguments {
    @Option(name: .customLong("resolver"),
            help: ArgumentHelp("Recursive resolver to query, ADDR or ADDR@PORT, IPv4 or IPv6 (repeatable, tried in order; default: nameservers in /etc/resolv.conf). With --validation resolver it must validate: +dnssec comes from its AD bit.",
                               valueName: "addr[@port]"))
    public var resolvers: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds each network step may take (each query to each resolver).", valueName: "seconds"))
    public var timeout: Double = ResolverConfiguration.defaultTimeout

    @Option(parsing: .unconditional, help: ArgumentHelp("How many more times to try the resolvers when none answered in time.", valueName: "count"))
    public var retries: Int = ResolverConfiguration.defaultRetries

    @Option(help: ArgumentHelp("Trace on stderr, comma-separated: dns, smtp, tls, dane, all.", valueName: "categories"))
    public var debug: String?

    @Option(help: ArgumentHelp("Who decides +dnssec: 'resolver' trusts the resolver's AD bit; 'local' validates every RRset here from the trust anchors (data, DNSKEY and DS fetched with CD=1), so any resolver will do.",
                               valueName: "resolver|local"))
    public var validation: ValidationMode = .resolver

    @Option(name: .customLong("trust-anchor"),
            help: ArgumentHelp("File of DS or DNSKEY records (zone-file lines) to validate from (repeatable; default: \(TrustAnchorFile.defaultPath)). Also used in resolver mode to name the cause of a SERVFAIL.",
                               valueName: "file"))
    public var trustAnchorFiles: [String] = []

    /// What `validate()` made of the options.
    public private(set) var parsed = Parsed()

    public struct Parsed: Sendable {
        public var servers: [ResolverAddress] = []
        public var debug: Set<DebugCategory> = []
        /// The anchors: from --trust-anchor, else the default file (none when it cannot be read).
        public var trustAnchors: [TrustAnchor] = []
        /// Why the default anchor file could not be read, when it could not.
        public var anchorProblem: String?
    }

    enum CodingKeys: String, CodingKey {
        case resolvers, timeout, retries, debug, validation, trustAnchorFiles
    }

    public init() {}

    public mutating func validate() throws {
        guard timeout > 0, timeout <= 300, timeout.isFinite else {
            throw ValidationError("--timeout must be more than 0 and at most 300 seconds, got \(timeout)")
        }
        guard (0...5).contains(retries) else {
            throw ValidationError("--retries must be from 0 to 5, got \(retries)")
        }
        var parsed = Parsed()
        do {
            parsed.servers = resolvers.isEmpty ? try ResolvConf.nameservers(atPath: ResolvConf.defaultPath)
                                               : try resolvers.map { try ResolverAddress(parsing: $0) }
        } catch let error as ResolverAddressError {
            throw ValidationError(error.description)
        } catch let error as ResolvConfError {
            throw ValidationError(error.description)
        }
        if let debug { parsed.debug = try DebugCategory.parse(debug) }
        do {
            if trustAnchorFiles.isEmpty {
                do { parsed.trustAnchors = try TrustAnchorFile.load(TrustAnchorFile.defaultPath) } catch {
                    parsed.anchorProblem = "local validation needs a trust anchor: \(error.description) (install dns-root-data, or give --trust-anchor FILE)"
                    if validation == .local { throw ValidationError(parsed.anchorProblem!) }
                }
            } else {
                parsed.trustAnchors = try trustAnchorFiles.flatMap { path throws(TrustAnchorError) in try TrustAnchorFile.load(path) }
            }
        } catch let error as TrustAnchorError {
            throw ValidationError("--trust-anchor: \(error.description)")
        }
        self.parsed = parsed
    }

    public func traces(_ category: DebugCategory) -> Bool {
        parsed.debug.contains(category) || parsed.debug.contains(.all)
    }

    /// The `--debug smtp` trace for the prober, nil when not asked for.
    public var smtpTrace: (@Sendable (String) -> Void)? {
        guard traces(.smtp) else { return nil }
        let gate = OutputGate.current
        return { @Sendable line in StandardError.line("smtp: " + line, gate: gate) }
    }

    /// The resolver configuration, with the `--debug dns` trace attached when asked for.
    public func configuration() -> ResolverConfiguration {
        let gate = OutputGate.current
        let trace: QueryTrace? = traces(.dns) ? { @Sendable exchange in DNSTraceFormatter.lines(exchange).forEach { StandardError.line($0, gate: gate) } } : nil
        return ResolverConfiguration(servers: parsed.servers, timeout: timeout, retries: retries, trace: trace,
                                     validation: validation, trustAnchors: parsed.trustAnchors,
                                     pending: CommandEnvironment.shared.pendingQueries)
    }
}
