import Foundation

/// Debian's Prometheus with this configuration (written to a scratch folder that also holds its
/// TSDB), listening on `listen`, asked through its HTTP API. Killed with SIGKILL when dropped:
/// the wait for it holds whatever thread drops it (a cooperative one, of which a test run has two).
final class PrometheusServer {
    let listen: String
    private let process = Process()
    private let folder: URL

    init(listen: String, configuration: String) throws {
        self.listen = listen
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("prometheus.yml")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus")
        process.arguments = ["--config.file=\(file.path)", "--storage.tsdb.path=\(folder.path)/data",
                             "--web.listen-address=\(listen)", "--log.level=warn"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// An instant query's value per series, by its `instance` label (-1 where the value is not a
    /// number; an empty answer while Prometheus is starting or has not scraped yet).
    func query(_ expression: String) async throws -> [String: Double] {
        let encoded = expression.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? expression
        let body = try await ExporterTests.get("http://\(listen)/api/v1/query?query=\(encoded)").body
        guard let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]] else { return [:] }
        var values: [String: Double] = [:]
        for series in result {
            let instance = (series["metric"] as? [String: String])?["instance"] ?? ""
            if let pair = series["value"] as? [Any], let text = pair.last as? String { values[instance] = Double(text) ?? -1 }
        }
        return values
    }

    deinit {
        // Never launched (init threw after its folder was made): pid 0 would be this process group.
        if process.processIdentifier > 0 {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
