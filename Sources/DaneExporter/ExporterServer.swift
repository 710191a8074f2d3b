import DaneCommands
import DaneCore
import DaneTLSRPTReceiver
import Dispatch
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// The running exporter: the HTTP (or, with tls_server_config, HTTPS by OpenSSL) listener, its
/// routes, and the reloads that SIGHUP asks for.
struct ExporterServer {
    let state: ExporterState
    let limits: ProbeLimits
    let scrapeTimeout: Double
    /// SMTP TLS reports received (--tlsrpt-db): their routes and metrics, and the maildir read
    /// every so many seconds (--tlsrpt-maildir).
    let receiver: TLSRPTReceiver?
    let maildir: (ingest: MaildirIngest, interval: Double)?

    init(files: ExporterFiles, loaded: ExporterFiles.Loaded, log: ExporterLog, limits: ProbeLimits, scrapeTimeout: Double,
         receiver: TLSRPTReceiver? = nil, maildir: (MaildirIngest, Double)? = nil) {
        var extra: (@Sendable () async -> String)?
        if let receiver { extra = { await receiver.metrics() } }
        state = ExporterState(files: files, loaded: loaded, log: log, metrics: ExporterMetrics(extra: extra))
        self.limits = limits
        self.scrapeTimeout = scrapeTimeout
        self.receiver = receiver
        self.maildir = maildir.map { (ingest: $0.0, interval: $0.1) }
    }

    func run(address: ListenAddress, listen: String) async throws {
        let endpoint = ProbeEndpoint(state: state, limits: limits, defaultTimeout: scrapeTimeout)
        var logger = Logger(label: "danecheck-exporter")
        logger.logLevel = .critical  // requests are counted in /metrics; probes are logged by ExporterLog
        let host = address.host
        let names = state.modules.keys.sorted().joined(separator: ", ")
        let web = state.web
        let scheme = web.current.tls == nil ? "http" : "https"
        let server = HTTPServerBuilder { responder in
            OpenSSLChannel(base: HTTP1Channel(responder: responder, configuration: .init()), web: web)
        }
        let reloads = Self.onHangUp { [state] in _ = state.reload() }
        defer { reloads.cancel() }
        let router = endpoint.router()
        receiver?.add(to: router)
        let app = Application(router: router, server: server,
                              configuration: .init(address: .hostname(address.host, port: address.port), serverName: "danecheck-exporter"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  let bound = ListenAddress(host: host, port: port)
                                  StandardError.line("danecheck-exporter: listening on \(bound) (\(scheme); modules: \(names))")
                              },
                              logger: logger)
        let maildir = self.maildir
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let maildir { group.addTask { await maildir.ingest.run(every: maildir.interval) } }
                try await app.runService()
                group.cancelAll()
            }
        } catch {
            throw CommandError("cannot serve on \(listen): \(error)", exitCode: DanecheckExit.usage)
        }
    }

    /// Runs `reload` on each SIGHUP (unblocked here: a process may inherit it blocked).
    static func onHangUp(_ reload: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "danecheck-exporter.reload"))
        source.setEventHandler(handler: reload)
        source.resume()
        return source
    }
}
