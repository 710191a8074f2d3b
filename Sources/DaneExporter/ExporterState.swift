import DaneExporterConfig
import Foundation
import Synchronization

/// What a reload changes: the modules and the web settings, read again from their files. A file
/// with an error changes nothing: the old configuration stays, the error is logged and the
/// reload gauge says 0 (as Prometheus's prometheus_config_last_reload_successful does).
final class ExporterState: Sendable {
    let files: ExporterFiles
    let web: WebSettings
    let metrics: ExporterMetrics
    private let modulesNow: Mutex<[String: ExporterModule]>
    /// One reload at a time (SIGHUP and POST /-/reload may come together).
    private let reloading = Mutex(())

    init(files: ExporterFiles, loaded: ExporterFiles.Loaded, log: ExporterLog, metrics: ExporterMetrics) {
        self.files = files
        web = WebSettings(loaded.web, log: log)
        modulesNow = Mutex(loaded.modules)
        self.metrics = metrics
        metrics.reloaded(successfully: true)
    }

    var modules: [String: ExporterModule] { modulesNow.withLock { $0 } }

    /// Reads both files again; nil when the new configuration is in force, else why not.
    func reload() -> String? {
        reloading.withLock { _ in
            let failure: String?
            do {
                let loaded = try files.load()
                if (loaded.web.tls == nil) != (web.current.tls == nil) {
                    failure = "\(files.webFile ?? "--web.config.file"): TLS cannot be turned on or off by a reload (restart the exporter)"
                } else {
                    modulesNow.withLock { $0 = loaded.modules }
                    web.replace(loaded.web)
                    failure = nil
                }
            } catch {
                failure = (error as? ConfigFailure)?.description ?? "\(error)"
            }
            metrics.reloaded(successfully: failure == nil)
            if let failure {
                web.log.event("error reloading configuration; the old configuration stays", [("err", failure)], level: "error")
            } else {
                web.log.event("configuration reloaded", [("modules", modules.keys.sorted().joined(separator: ","))])
            }
            return failure
        }
    }
}
