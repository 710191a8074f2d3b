import ArgumentParser
import DaneCommands
import DaneCore
import DaneExporterConfig
import DaneTLSRPTReceiver
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

            SMTP TLS reports (RFC 8460): with --tlsrpt-db FILE the exporter receives reports \
            POSTed to --tlsrpt-path (rua=https:, application/tlsrpt+gzip or +json) and reads \
            the messages an MTA delivers into --tlsrpt-maildir (rua=mailto:), and stores each \
            once (organization and report-id) in the SQLite database, committed before it is \
            acknowledged: 201 stored, 200 stored already, 400 not a report, 413 too large, 415 \
            another media type, 429 over the organization's --tlsrpt-max-reports-per-sender in \
            24 hours, 503 the database failed. /metrics then adds \
            danecheck_tlsrpt_sessions_total{policy_domain,policy_type,result}, \
            danecheck_tlsrpt_failed_sessions_total{policy_domain,result_type,receiving_mx}, \
            danecheck_tlsrpt_last_report_timestamp_seconds{policy_domain} and the receiver's \
            counts. `danecheck tlsrpt read --db FILE` reads the stored reports.

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

    @OptionGroup public var tlsrpt: TLSRPTReceiverOptions

    public private(set) var address = ListenAddress(host: "127.0.0.1", port: 9309)
    /// The module file's modules, as option words checked at start-up.
    public private(set) var fileModules: [String: [String]] = [:]

    enum CodingKeys: String, CodingKey { case listen, config, maxConcurrent, scrapeTimeout, module, tlsrpt }

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
        let receiver = try tlsrpt.tlsrptDB.map { _ in try TLSRPTReceiver(options: tlsrpt) }
        var extra: (@Sendable () async -> String)?
        if let receiver { extra = { await receiver.metrics() } }
        let endpoint = ProbeEndpoint(modules: modules, slots: ProbeSlots(limit: maxConcurrent), metrics: ExporterMetrics(extra: extra),
                                     defaultTimeout: scrapeTimeout)
        let router: Router<BasicRequestContext> = endpoint.router()
        if let receiver { receiver.add(to: router) }
        var logger = Logger(label: "danecheck-exporter")
        logger.logLevel = .critical  // requests are counted in /metrics, not logged
        let listen = self.listen
        let host = address.host
        let names = modules.keys.sorted().joined(separator: ", ")
        let app = Application(router: router,
                              configuration: .init(address: .hostname(address.host, port: address.port), serverName: "danecheck-exporter"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  let bound = ListenAddress(host: host, port: port)
                                  StandardError.line("danecheck-exporter: listening on \(bound) (modules: \(names))")
                              },
                              logger: logger)
        let maildir = receiver.flatMap { receiver in tlsrpt.tlsrptMaildir.map { MaildirIngest(receiver: receiver, folder: $0) } }
        let interval = tlsrpt.tlsrptMaildirInterval
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let maildir { group.addTask { await maildir.run(every: interval) } }
                try await app.runService()
                group.cancelAll()
            }
        } catch {
            throw CommandError("cannot serve on \(listen): \(error)", exitCode: DanecheckExit.usage)
        }
    }
}
