/// What is wrong with a configuration file, where: the file, the line (1-based) and the key, so
/// `--config.check` and a reload can say `FILE:LINE: KEY: what` in one line.
public struct ConfigFailure: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    /// The key path, e.g. `modules.strict.timeout`, `tls_server_config.cert_file`.
    public let key: String?
    public let message: String

    public init(file: String, line: Int? = nil, key: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + (key.map { "\($0): " } ?? "") + message
    }
}
