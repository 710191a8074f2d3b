import ArgumentParser
import DaneCommands
import DaneCore
import DaneExporterConfig
import Hummingbird
import Logging
import Foundation

/// `danecheck exporter`: a Prometheus exporter, multi-target like blackbox_exporter.
public struct ExporterCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "danecheck-exporter",
        abstract: "Serve Prometheus metrics: one check per scrape of /probe?target=DOMAIN, the exporter's own at /metrics.",
        discussion: """
            Prometheus scrapes GET /probe?target=DOMAIN[&module=NAME] (the multi-target pattern \
            of blackbox_exporter: relabel __address__ into __param_target and point __address__ \
            at the exporter); each scrape runs one `check` of DOMAIN and answers its metrics: \
            probe_success, probe_duration_seconds, danecheck_verdict{verdict}, \
            danecheck_authenticated, the DNSSEC status of the MX and TLSA lookups, TLSA records \
            usable and matched per MX host, per-address results and phase times, seconds until \
            the earliest RRSIG, each certificate and each matched trust anchor expire, and \
            rollover warnings by kind. GET /metrics: requests, probes, DNS cache hits.

            Modules: without --config, one module "default" from this command's options; with \
            --config FILE (YAML: modules: NAME: {resolver, timeout, retries, validation, \
            trust_anchor, use_dane, enable_dane, tls, tls_verify, ca_file, insecure_mx, mta_sts, \
            ehlo, warn_days, public_ca_file, require_dane}) the file's modules, checked at \
            start-up (an unknown key or a bad value is an error). Each scrape may take the \
            X-Prometheus-Scrape-Timeout-Seconds Prometheus sends, less half a second \
            (--scrape-timeout without it); at most --max-concurrent checks run at once. DNS \
            answers are shared by all scrapes while their TTL lasts; probes are made afresh.

            Listens on 127.0.0.1:9309 unless --listen says otherwise (ADDR:PORT or [IPv6]:PORT; \
            port 0 picks one). The address it listens on is printed on stderr.

            \(DanecheckExit.summary)
            """,
        version: DanecheckVersion.current)

    @Option(help: ArgumentHelp("Address and port to listen on: 127.0.0.1:9309, [::1]:9309 (port 0: any free one).", valueName: "addr:port"))
    public var listen = "127.0.0.1:9309"

    @Option(help: ArgumentHelp("YAML file of modules (the policy knobs per module); without it one module, default, from the options here.", valueName: "file"))
    public var config: String?

    @Option(parsing: .unconditional, help: "Checks run at once at most (1-256); the others wait.")
    public var maxConcurrent = 8

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds a check may take when Prometheus sends no scrape timeout (1-120).", valueName: "seconds"))
    public var scrapeTimeout: Double = 30

    @OptionGroup public var module: ModuleOptions

    public private(set) var address = ListenAddress(host: "127.0.0.1", port: 9309)
    /// The module file's modules, as option words checked at start-up.
    public private(set) var fileModules: [String: [String]] = [:]

    enum CodingKeys: String, CodingKey { case listen, config, maxConcurrent, scrapeTimeout, module }

    public init() {}

    public mutating func validate() throws {
        address = try ListenAddress(parsing: listen)
        guard (1...256).contains(maxConcurrent) else { throw ValidationError("--max-concurrent must be from 1 to 256") }
        guard scrapeTimeout >= 1, scrapeTimeout <= ProbeEndpoint.maximumTimeout else { throw ValidationError("--scrape-timeout must be from 1 to 120") }
        if let config {
            do { fileModules = try ModuleFile.load(config) } catch { throw ValidationError(error.description) }
        }
    }

    /// The file's modules, and "default" from this command's options unless the file has one.
    func modules() throws -> [String: ExporterModule] {
        var modules: [String: ExporterModule] = ["default": module.module]
        for (name, words) in fileModules { modules[name] = try ModuleOptions.parse(words).module }
        return modules
    }

    public func run() async throws {
        CommandEnvironment.shared.shareLookups()
        let modules = try modules()
        let endpoint = ProbeEndpoint(modules: modules, slots: ProbeSlots(limit: maxConcurrent), metrics: ExporterMetrics(),
                                     defaultTimeout: scrapeTimeout)
        var logger = Logger(label: "danecheck-exporter")
        logger.logLevel = .critical  // requests are counted in /metrics, not logged
        let listen = self.listen
        let host = address.host
        let names = modules.keys.sorted().joined(separator: ", ")
        let app = Application(router: endpoint.router(),
                              configuration: .init(address: .hostname(address.host, port: address.port), serverName: "danecheck-exporter"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  let bound = ListenAddress(host: host, port: port)
                                  StandardError.line("danecheck-exporter: listening on \(bound) (modules: \(names))")
                              },
                              logger: logger)
        do {
            try await app.runService()
        } catch {
            throw CommandError("cannot serve on \(listen): \(error)", exitCode: DanecheckExit.usage)
        }
    }
}
