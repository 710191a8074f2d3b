import DaneCommands
import DaneCore
import DaneExporterConfig

/// The exporter's two configuration files and the command line's default module: read at start,
/// again on each reload, and checked alone by `--config.check`.
struct ExporterFiles: Sendable {
    let moduleFile: String?
    let webFile: String?
    /// The module the command line's options make.
    let defaultModule: ExporterModule

    struct Loaded: Sendable {
        let modules: [String: ExporterModule]
        let web: WebSettings.Current
    }

    /// Both files read and checked (a module's values by the command line's parser; the TLS
    /// certificate and key by OpenSSL).
    func load() throws(ConfigFailure) -> Loaded {
        var modules = ["default": defaultModule]
        if let moduleFile {
            let words = try ModuleFile.load(moduleFile)
            for (name, options) in words {
                do {
                    var module = try ModuleOptions.parse(options).module
                    module.settings = options
                    modules[name] = module
                } catch {
                    throw ConfigFailure(file: moduleFile, key: "modules.\(name)", ModuleOptions.message(for: error))
                }
            }
        }
        return Loaded(modules: modules, web: try WebSettings.load(webFile))
    }

    /// `--config.check`: "FILE: OK" for each file, or the error; 0 when all are valid, 1 otherwise.
    func check() -> Int32 {
        var status: Int32 = 0
        if let moduleFile {
            do {
                let modules = try ModuleFile.load(moduleFile)
                StandardOutput.lines(["\(moduleFile): OK (modules: \(modules.keys.sorted().joined(separator: ", ")))"])
            } catch {
                StandardError.line("danecheck-exporter: \(error.description)")
                status = 1
            }
        }
        if let webFile {
            do {
                _ = try WebSettings.load(webFile)
                StandardOutput.lines(["\(webFile): OK"])
            } catch {
                StandardError.line("danecheck-exporter: \(error.description)")
                status = 1
            }
        }
        if moduleFile == nil && webFile == nil { StandardOutput.lines(["no --config.file or --web.config.file given: nothing to check"]) }
        return status
    }
}
