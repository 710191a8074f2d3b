import Foundation
import Yams

/// The exporter's web configuration (`--web.config.file`), in the Prometheus exporter-toolkit
/// format: TLS for the listener, basic authentication with bcrypt hashes, response headers.
///
///     tls_server_config:
///       cert_file: /etc/danecheck/exporter.crt
///       key_file: /etc/danecheck/exporter.key
///       client_auth_type: RequireAndVerifyClientCert
///       client_ca_file: /etc/danecheck/clients.pem
///       min_version: TLS12
///     basic_auth_users:
///       prometheus: $2y$10$…
///     http_server_config:
///       headers: { Strict-Transport-Security: max-age=31536000 }
///
/// Keys of the toolkit that danecheck does not implement (cipher_suites, curve_preferences,
/// client_allowed_sans, http2, …) are refused by name rather than ignored.
public struct WebConfig: Sendable, Equatable {
    public var tls: TLSServerConfig?
    /// User name → bcrypt hash.
    public var users: [String: String] = [:]
    /// Header name → value, added to every response.
    public var headers: [(name: String, value: String)] = []

    public static func == (lhs: WebConfig, rhs: WebConfig) -> Bool {
        lhs.tls == rhs.tls && lhs.users == rhs.users && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public init() {}

    public struct TLSServerConfig: Sendable, Equatable {
        public var certFile: String
        public var keyFile: String
        public var clientAuth: ClientAuth = .none
        public var clientCAFile: String?
        public var minVersion: TLSVersion = .tls12
        public var maxVersion: TLSVersion?
    }

    /// exporter-toolkit's `client_auth_type` words (Go's tls.ClientAuthType).
    public enum ClientAuth: String, Sendable, CaseIterable {
        case none = "NoClientCert"
        case request = "RequestClientCert"
        case requireAny = "RequireAnyClientCert"
        case verifyIfGiven = "VerifyClientCertIfGiven"
        case requireAndVerify = "RequireAndVerifyClientCert"

        /// Whether a certificate the client sends is checked against client_ca_file.
        public var verifies: Bool { self == .verifyIfGiven || self == .requireAndVerify }
        /// Whether a client without a certificate is refused.
        public var requires: Bool { self == .requireAny || self == .requireAndVerify }
    }

    public enum TLSVersion: String, Sendable, CaseIterable, Comparable {
        case tls10 = "TLS10", tls11 = "TLS11", tls12 = "TLS12", tls13 = "TLS13"

        public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    static let sections = ["tls_server_config", "basic_auth_users", "http_server_config"]
    static let tlsKeys = ["cert_file", "key_file", "client_auth_type", "client_ca_file", "min_version", "max_version"]
    /// Headers exporter-toolkit lets a file set (it refuses others, and so does danecheck).
    static let allowedHeaders = ["Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection",
                                 "Content-Security-Policy", "Referrer-Policy", "Permissions-Policy", "Cache-Control"]

    public static func load(_ path: String) throws(ConfigFailure) -> WebConfig {
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigFailure(file: path, "cannot read the web configuration file") }
        return try parse(String(decoding: data, as: UTF8.self), source: path)
    }

    /// Reads and checks a file: its keys and values, and that every file it names can be read
    /// (the certificate and key themselves are loaded by the listener).
    public static func parse(_ text: String, source: String) throws(ConfigFailure) -> WebConfig {
        let yaml = YAMLDocument(file: source)
        let root = try yaml.root(text)
        var config = WebConfig()
        for (section, value, _) in try yaml.pairs(root, key: nil, known: sections) {
            switch section {
            case "tls_server_config": config.tls = try tlsConfig(value, yaml: yaml)
            case "basic_auth_users": config.users = try users(value, yaml: yaml)
            default: config.headers = try headers(value, yaml: yaml)
            }
        }
        return config
    }

    static func tlsConfig(_ node: Node, yaml: YAMLDocument) throws(ConfigFailure) -> TLSServerConfig? {
        let pairs = try yaml.pairs(node, key: "tls_server_config", known: tlsKeys)
        if pairs.isEmpty { return nil }
        var values: [String: (text: String, line: Int?)] = [:]
        for (key, value, line) in pairs { values[key] = (try yaml.scalar(value, key: "tls_server_config.\(key)"), line) }
        func fail(_ key: String, _ message: String) -> ConfigFailure {
            ConfigFailure(file: yaml.file, line: values[key]?.line ?? pairs.first?.line, key: "tls_server_config.\(key)", message)
        }
        guard let cert = values["cert_file"]?.text, !cert.isEmpty else { throw fail("cert_file", "required when tls_server_config is given") }
        guard let key = values["key_file"]?.text, !key.isEmpty else { throw fail("key_file", "required when tls_server_config is given") }
        var config = TLSServerConfig(certFile: cert, keyFile: key)
        if let word = values["client_auth_type"]?.text {
            guard let auth = ClientAuth(rawValue: word) else {
                throw fail("client_auth_type", "'\(word.prefix(64))' is not one of \(ClientAuth.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.clientAuth = auth
        }
        config.clientCAFile = values["client_ca_file"]?.text
        if config.clientAuth.verifies && config.clientCAFile == nil {
            throw fail("client_ca_file", "required with client_auth_type \(config.clientAuth.rawValue)")
        }
        if config.clientCAFile != nil && !config.clientAuth.verifies {
            throw fail("client_ca_file", "given, but client_auth_type \(config.clientAuth.rawValue) does not verify client certificates")
        }
        for versionKey in ["min_version", "max_version"] {
            guard let word = values[versionKey]?.text else { continue }
            guard let version = TLSVersion(rawValue: word) else {
                throw fail(versionKey, "'\(word.prefix(64))' is not one of \(TLSVersion.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if versionKey == "min_version" { config.minVersion = version } else { config.maxVersion = version }
        }
        if let max = config.maxVersion, max < config.minVersion { throw fail("max_version", "lower than min_version") }
        for file in [("cert_file", config.certFile), ("key_file", config.keyFile), ("client_ca_file", config.clientCAFile)] {
            guard let path = file.1 else { continue }
            guard FileManager.default.isReadableFile(atPath: path) else { throw fail(file.0, "cannot read \(path)") }
        }
        return config
    }

    static func users(_ node: Node, yaml: YAMLDocument) throws(ConfigFailure) -> [String: String] {
        var users: [String: String] = [:]
        for (user, value, line) in try yaml.pairs(node, key: "basic_auth_users", known: nil) {
            let hash = try yaml.scalar(value, key: "basic_auth_users.\(user)")
            // Only the user name is ever shown: the hash is a secret too.
            guard hash.range(of: #"^\$2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}$"#, options: .regularExpression) != nil else {
                throw ConfigFailure(file: yaml.file, line: line, key: "basic_auth_users.\(user)", "not a bcrypt hash ($2y$COST$ and 53 characters)")
            }
            guard !user.contains(":") else { throw ConfigFailure(file: yaml.file, line: line, key: "basic_auth_users", "a user name cannot hold ':'") }
            users[user] = hash
        }
        return users
    }

    static func headers(_ node: Node, yaml: YAMLDocument) throws(ConfigFailure) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for (key, value, _) in try yaml.pairs(node, key: "http_server_config", known: ["headers"]) where key == "headers" {
            for (name, text, line) in try yaml.pairs(value, key: "http_server_config.headers", known: nil) {
                guard let canonical = allowedHeaders.first(where: { $0.lowercased() == name.lowercased() }) else {
                    throw ConfigFailure(file: yaml.file, line: line, key: "http_server_config.headers.\(name)",
                                        "not a header this file may set (\(allowedHeaders.joined(separator: ", ")))")
                }
                let word = try yaml.scalar(text, key: "http_server_config.headers.\(name)")
                guard !word.contains(where: { $0.isNewline || $0 == "\0" }) else {
                    throw ConfigFailure(file: yaml.file, line: line, key: "http_server_config.headers.\(name)", "a header value is one line")
                }
                result.append((canonical, word))
            }
        }
        return result
    }
}
