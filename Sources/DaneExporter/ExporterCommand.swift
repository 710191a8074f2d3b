import ArgumentParser
import DaneCommands
import DaneCore
import DaneExporterConfig
import DaneTLSRPTReceiver
import Foundation

/// `danecheck-exporter`: a Prometheus exporter, multi-target like blackbox_exporter, with its
/// conventions: the exporter-toolkit web configuration, /-/healthy, /-/ready, /-/reload,
/// --config.check, logfmt or JSON logs.
public struct ExporterCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "danecheck-exporter",
        abstract: "Serve Prometheus metrics: one check per scrape of /probe?target=DOMAIN, the exporter's own at /metrics.",
        discussion: """
            Prometheus scrapes GET /probe?target=DOMAIN[&module=NAME] (the multi-target pattern \
            of blackbox_exporter: relabel __address__ into __param_target and point __address__ \
            at the exporter); each scrape runs one `check` of DOMAIN and answers its metrics: \
            probe_success, probe_duration_seconds, probe_dns_lookup_time_seconds, \
            probe_ssl_earliest_cert_expiry, probe_tls_version_info{version} (blackbox_exporter's \
            names, so its dashboards and alerts work), danecheck_verdict{verdict}, \
            danecheck_authenticated, the DNSSEC status of the MX and TLSA lookups, TLSA records \
            usable and matched per MX host, per-address results, TLS version, key type and phase \
            times, seconds until the earliest RRSIG, each certificate and each matched trust \
            anchor expire (kept when verification fails), findings by severity. &debug=true \
            answers the probe's log, its report and the metrics as text instead. GET /metrics: \
            requests, probes, DNS cache hits, config reloads. GET /-/healthy and /-/ready answer \
            200; POST /-/reload (or SIGHUP) reads the module and web configuration files again: \
            a file with an error keeps the old configuration, logs why and sets \
            danecheck_exporter_config_last_reload_successful to 0.

            Modules: without --config.file, one module "default" from this command's options; \
            with --config.file FILE (YAML, danecheck-exporter-modules(5)) the file's modules \
            too. A module probes only targets its allowed_domains allow (default any), and \
            refuses a target whose MX hosts resolve to a loopback, private, link-local or other \
            non-public address (probe_success 0, danecheck_target_refused 1) unless \
            allow_private_addresses is true; the addresses are checked after resolving, before \
            any connection. Each scrape may take the X-Prometheus-Scrape-Timeout-Seconds \
            Prometheus sends, less half a second (--scrape-timeout without it); at most \
            --max-concurrent checks run at once and --max-queued wait (more: 503), at most \
            --max-concurrent-per-target of the same target and module (more: 429). DNS answers \
            are shared by all scrapes while their TTL lasts; probes are made afresh.

            --web.config.file FILE (the Prometheus exporter-toolkit format): tls_server_config \
            (cert_file, key_file, client_auth_type, client_ca_file, min_version, max_version; \
            TLS by OpenSSL), basic_auth_users (user: bcrypt hash; every path needs one, else \
            401), http_server_config.headers. --config.check reads both files, prints what is \
            wrong (file:line: key: why) and exits 0 when nothing is, 1 otherwise.

            Listens on 127.0.0.1:9309 unless --listen says otherwise (ADDR:PORT or [IPv6]:PORT; \
            port 0 picks one). The address it listens on is printed on stderr; then one log \
            line per probe (target, module, duration, result), per reload and per refused TLS \
            handshake, in logfmt or JSON (--log.format). No password, hash or Authorization \
            header is ever logged.

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

    @Option(name: [.customLong("listen"), .customLong("web.listen-address")],
            help: ArgumentHelp("Address and port to listen on: 127.0.0.1:9309, [::1]:9309 (port 0: any free one).", valueName: "addr:port"))
    public var listen = "127.0.0.1:9309"

    @Option(name: [.customLong("config"), .customLong("config.file")],
            help: ArgumentHelp("YAML file of modules (danecheck-exporter-modules(5)); without it one module, default, from the options here.", valueName: "file"))
    public var config: String?

    @Option(name: .customLong("web.config.file"),
            help: ArgumentHelp("Web configuration in the exporter-toolkit format: TLS, basic_auth_users, headers.", valueName: "file"))
    public var webConfig: String?

    @Flag(name: .customLong("config.check"), help: "Check the module file and the web configuration file, then exit: 0 when both are valid, 1 otherwise.")
    public var configCheck = false

    @Option(name: .customLong("log.format"), help: ArgumentHelp("Log lines as logfmt or json.", valueName: "logfmt|json"))
    public var logFormat = "logfmt"

    @Option(parsing: .unconditional, help: "Checks run at once at most (1-256); the others wait.")
    public var maxConcurrent = 8

    @Option(parsing: .unconditional, help: "Checks that may wait for a free slot (0-10000); one more is answered 503.")
    public var maxQueued = 100

    @Option(parsing: .unconditional, help: "Checks of one target and module at once (1-256); one more is answered 429.")
    public var maxConcurrentPerTarget = 4

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds a check may take when Prometheus sends no scrape timeout (1-120).", valueName: "seconds"))
    public var scrapeTimeout: Double = 30

    @OptionGroup public var module: ModuleOptions

    @OptionGroup public var tlsrpt: TLSRPTReceiverOptions

    public private(set) var address = ListenAddress(host: "127.0.0.1", port: 9309)

    enum CodingKeys: String, CodingKey {
        case listen, config, webConfig, configCheck, logFormat, maxConcurrent, maxQueued, maxConcurrentPerTarget, scrapeTimeout, module, tlsrpt
    }

    public init() {}

    public mutating func validate() throws {
        address = try ListenAddress(parsing: listen)
        guard (1...256).contains(maxConcurrent) else { throw ValidationError("--max-concurrent must be from 1 to 256") }
        guard (0...10_000).contains(maxQueued) else { throw ValidationError("--max-queued must be from 0 to 10000") }
        guard (1...256).contains(maxConcurrentPerTarget) else { throw ValidationError("--max-concurrent-per-target must be from 1 to 256") }
        guard scrapeTimeout >= 1, scrapeTimeout <= ProbeEndpoint.maximumTimeout else { throw ValidationError("--scrape-timeout must be from 1 to 120") }
        guard ExporterLog.Format(rawValue: logFormat) != nil else { throw ValidationError("--log.format must be logfmt or json") }
    }

    var files: ExporterFiles { ExporterFiles(moduleFile: config, webFile: webConfig, defaultModule: module.module) }

    public func run() async throws {
        if configCheck { throw ExitCode(files.check()) }
        let log = ExporterLog(format: ExporterLog.Format(rawValue: logFormat) ?? .logfmt)
        let loaded: ExporterFiles.Loaded
        do { loaded = try files.load() } catch { throw CommandError(error.description, exitCode: DanecheckExit.usage) }
        CommandEnvironment.shared.shareLookups()
        let receiver = try tlsrpt.tlsrptDB.map { _ in try TLSRPTReceiver(options: tlsrpt) }
        let maildir = receiver.flatMap { receiver in tlsrpt.tlsrptMaildir.map { MaildirIngest(receiver: receiver, folder: $0) } }
        let server = ExporterServer(files: files, loaded: loaded, log: log, limits: ProbeLimits(
            slots: ProbeSlots(limit: maxConcurrent, queue: maxQueued), perTarget: maxConcurrentPerTarget), scrapeTimeout: scrapeTimeout,
            receiver: receiver, maildir: maildir.map { ($0, tlsrpt.tlsrptMaildirInterval) })
        try await server.run(address: address, listen: listen)
    }
}
