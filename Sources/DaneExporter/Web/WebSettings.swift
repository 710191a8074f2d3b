import DaneExporterConfig
import Synchronization

/// The listener's settings from `--web.config.file` as loaded last (at start, then by each
/// successful reload): the TLS context, the users, the headers. Shared by the channel set-up and
/// the middleware; a reload swaps them whole.
final class WebSettings: Sendable {
    struct Current: Sendable {
        var config = WebConfig()
        var tls: ServerTLSContext?
    }

    let log: ExporterLog
    private let state: Mutex<Current>

    init(_ current: Current, log: ExporterLog) {
        state = Mutex(current)
        self.log = log
    }

    var current: Current { state.withLock { $0 } }

    func replace(_ current: Current) { state.withLock { $0 = current } }

    /// The settings of a web configuration: its TLS context made (a certificate or key OpenSSL
    /// cannot use is an error here, naming the file).
    static func load(_ path: String?) throws(ConfigFailure) -> Current {
        guard let path else { return Current() }
        let config = try WebConfig.load(path)
        guard let tls = config.tls else { return Current(config: config) }
        do {
            return Current(config: config, tls: try ServerTLSContext(tls))
        } catch {
            throw ConfigFailure(file: path, key: "tls_server_config", error.description)
        }
    }
}
