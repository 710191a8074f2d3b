import ArgumentParser
import DaneCore

/// Options shared by every command that looks things up in DNS.
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

    public init() {}

    public func validate() throws {
        guard timeout > 0, timeout <= 300, timeout.isFinite else {
            throw ValidationError("--timeout must be more than 0 and at most 300 seconds, got \(timeout)")
        }
        guard (0...5).contains(retries) else {
            throw ValidationError("--retries must be from 0 to 5, got \(retries)")
        }
        for resolver in resolvers {
            do { _ = try ResolverAddress(parsing: resolver) } catch { throw ValidationError(error.description) }
        }
        if let debug { _ = try DebugCategory.parse(debug) }
        _ = try trustAnchors()
    }

    /// Anchors from --trust-anchor, else the default file. Local mode needs at least one; resolver
    /// mode uses the default file when it is there (to explain SERVFAILs) and goes on without.
    /// `required`: fail without anchors even in resolver mode (`chain` always validates here).
    func trustAnchors(required: Bool = false) throws -> [TrustAnchor] {
        do {
            if trustAnchorFiles.isEmpty {
                do { return try TrustAnchorFile.load(TrustAnchorFile.defaultPath) } catch {
                    guard validation == .local || required else { return [] }
                    throw ValidationError("local validation needs a trust anchor: \(error.description) (install dns-root-data, or give --trust-anchor FILE)")
                }
            }
            return try trustAnchorFiles.flatMap { path throws(TrustAnchorError) in try TrustAnchorFile.load(path) }
        } catch let error as TrustAnchorError {
            throw ValidationError("--trust-anchor: \(error.description)")
        }
    }

    /// Servers from `--resolver`, else from /etc/resolv.conf.
    func servers() throws -> [ResolverAddress] {
        do {
            if resolvers.isEmpty { return try ResolvConf.nameservers(atPath: ResolvConf.defaultPath) }
            return try resolvers.map { try ResolverAddress(parsing: $0) }
        } catch let error as ResolvConfError {
            throw ValidationError(error.description)
        } catch let error as ResolverAddressError {
            throw ValidationError(error.description)
        }
    }

    public func traces(_ category: DebugCategory) -> Bool {
        guard let debug, let categories = try? DebugCategory.parse(debug) else { return false }
        return categories.contains(category) || categories.contains(.all)
    }

    /// The `--debug smtp` trace for the prober, nil when not asked for.
    public var smtpTrace: (@Sendable (String) -> Void)? {
        guard traces(.smtp) else { return nil }
        let gate = OutputGate.current
        return { @Sendable line in StandardError.line("smtp: " + line, gate: gate) }
    }

    /// The resolver configuration, with the `--debug dns` trace attached when asked for.
    public func configuration() throws -> ResolverConfiguration {
        let gate = OutputGate.current
        let trace: QueryTrace? = traces(.dns) ? { @Sendable exchange in DNSTraceFormatter.lines(exchange).forEach { StandardError.line($0, gate: gate) } } : nil
        return ResolverConfiguration(servers: try servers(), timeout: timeout, retries: retries, trace: trace,
                                     validation: validation, trustAnchors: try trustAnchors())
    }
}
