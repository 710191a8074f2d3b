import Foundation
import Testing
import TestSupport

/// The exporter as Prometheus users expect it (blackbox_exporter's conventions), each feature
/// against a running exporter: the exporter-toolkit web configuration (TLS by OpenSSL, client
/// certificates, basic auth with bcrypt, headers), /-/healthy, /-/ready, /-/reload and SIGHUP,
/// --config.check, &debug=true, blackbox's metric names, the targets a module may probe, the
/// limits, the log; and a real Prometheus scraping over TLS with basic auth.
@Suite(.sandbox, .serialized) struct ExporterWebTests {
    typealias Exporter = ExporterTests.Exporter
    static func get(_ url: String, headers: [String] = [], method: String = "GET", seconds: Int = 20, curl: [String] = []) async throws -> (code: Int, body: String) {
        try await ExporterTests.get(url, headers: headers, method: method, seconds: seconds, curl: curl)
    }

    static func value(_ page: String, _ series: String) -> Double? { ExporterTests.value(page, series) }

    /// A folder of its own with a CA, a server certificate for 127.0.0.1 signed by it, a client
    /// certificate signed by it and one signed by nobody, and a bcrypt hash of "s3cret".
    final class Files: @unchecked Sendable {
        let dir: URL
        let hash: String
        init() async throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let script = """
                set -e; cd \(dir.path)
                ec="-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
                openssl req -x509 $ec -keyout ca.key -out ca.pem -subj /CN=test-ca -days 2
                openssl req $ec -keyout server.key -out server.csr -subj /CN=127.0.0.1
                printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext
                openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext
                openssl req $ec -keyout client.key -out client.csr -subj /CN=prometheus
                openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2
                openssl req -x509 $ec -keyout stranger.key -out stranger.pem -subj /CN=stranger -days 2
                python3 -W ignore -c "import crypt; print(crypt.crypt('s3cret', crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1024)), end='')" > hash
                """
            let made = try await CLI.tool("/bin/sh", ["-c", script + " 2>&1"], input: "")
            guard made.status == 0 else { throw ExporterTests.ExporterFailure(text: made.output) }
            hash = try String(contentsOf: dir.appendingPathComponent("hash"), encoding: .utf8)
        }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        func write(_ name: String, _ text: String) throws -> String {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return path(name)
        }
        deinit { try? FileManager.default.removeItem(at: dir) }
    }

    static let sandbox = ExporterTests.resolver

    @Test func tlsAndBasicAuthRefuseWrongPasswordsAndPlainHTTP() async throws {
        let files = try await Files()
        let web = try files.write("web.yml", """
            tls_server_config: { cert_file: \(files.path("server.pem")), key_file: \(files.path("server.key")), min_version: TLS13 }
            basic_auth_users: { prometheus: "\(files.hash)" }
            http_server_config: { headers: { X-Content-Type-Options: nosniff } }
            """)
        let exporter = try await Exporter.start(Self.sandbox + ["--web.config.file", web])
        #expect(exporter.base.hasPrefix("https://127.0.0.1:"), "\(exporter.listeningLine)")
        let trust = ["--cacert", files.path("ca.pem")]
        let good = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test", curl: trust + ["-u", "prometheus:s3cret", "-i"])
        #expect(good.code == 200 && Self.value(good.body, "probe_success") == 1)
        #expect(good.body.contains("X-Content-Type-Options: nosniff"), "the configured header is on the answer")
        let wrong = try await Self.get("\(exporter.base)/metrics", curl: trust + ["-u", "prometheus:s3cre", "-i"])
        #expect(wrong.code == 401 && wrong.body.contains("WWW-Authenticate: Basic"))
        #expect(try await Self.get("\(exporter.base)/metrics", curl: trust + ["-u", "grafana:s3cret"]).code == 401, "an unknown user")
        #expect(try await Self.get("\(exporter.base)/-/healthy", curl: trust).code == 401, "no credentials, on every path")
        // Plain HTTP to the TLS listener: no HTTP answer (code 0), and a log line saying why.
        let plain = exporter.base.replacingOccurrences(of: "https://", with: "http://")
        #expect(try await Self.get("\(plain)/metrics", curl: ["-u", "prometheus:s3cret"]).code == 0)
        let logged = await exporter.logLines(2)
        #expect(logged.contains { $0.contains("msg=\"TLS handshake failed\"") }, "\(logged)")
        // Below min_version TLS13: refused in the handshake.
        #expect(try await Self.get("\(exporter.base)/metrics", curl: trust + ["-u", "prometheus:s3cret", "--tls-max", "1.2"]).code == 0)
        // Neither the password nor the hash is ever logged.
        #expect(!logged.joined().contains("s3cret") && !logged.joined().contains(files.hash))
        #expect(exporter.process.isRunning)
    }

    @Test func aClientCertificateIsRequiredWhenConfigured() async throws {
        let files = try await Files()
        let web = try files.write("web.yml", """
            tls_server_config:
              cert_file: \(files.path("server.pem"))
              key_file: \(files.path("server.key"))
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: \(files.path("ca.pem"))
            """)
        let exporter = try await Exporter.start(Self.sandbox + ["--web.config.file", web])
        let trust = ["--cacert", files.path("ca.pem")]
        #expect(try await Self.get("\(exporter.base)/-/healthy", curl: trust).code == 0, "no client certificate")
        #expect(try await Self.get("\(exporter.base)/-/healthy", curl: trust + ["--cert", files.path("stranger.pem"), "--key", files.path("stranger.key")]).code == 0,
                "a certificate no configured CA signed")
        let ok = try await Self.get("\(exporter.base)/-/healthy", curl: trust + ["--cert", files.path("client.pem"), "--key", files.path("client.key")])
        #expect(ok.code == 200 && ok.body == "Healthy\n")
    }

    @Test func reloadKeepsTheOldConfigOnErrorAndSIGHUPReloads() async throws {
        let files = try await Files()
        let body = "resolver: [\(Sandbox.validating)], timeout: \(Sandbox.timeout), allow_private_addresses: true"
        let modules = try files.write("modules.yml", "modules:\n  first: { \(body) }\n")
        let exporter = try await Exporter.start(Self.sandbox + ["--config.file", modules])
        #expect(try await Self.get("\(exporter.base)/-/healthy").body == "Healthy\n")
        #expect(try await Self.get("\(exporter.base)/-/ready").body == "Ready\n")
        #expect(try await Self.get("\(exporter.base)/-/reload").code == 405, "GET does not reload")
        _ = try files.write("modules.yml", "modules:\n  first: { \(body) }\n  second: { timeout: soon }\n")
        let failed = try await Self.get("\(exporter.base)/-/reload", method: "POST")
        #expect(failed.code == 500)
        #expect(failed.body.hasPrefix("failed to reload config: \(modules):3: modules.second: The value 'soon' is invalid for '--timeout"), "\(failed.body)")
        #expect(Self.value(try await Self.get("\(exporter.base)/metrics").body, "danecheck_exporter_config_last_reload_successful") == 0)
        let old = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&module=first")
        #expect(Self.value(old.body, "probe_success") == 1, "the old modules stay")
        #expect(try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&module=second").code == 400)
        let log = await exporter.logLines(2)
        #expect(log.contains { $0.contains("level=error") && $0.contains("modules.second") }, "\(log)")
        _ = try files.write("modules.yml", "modules:\n  first: { \(body) }\n  second: { \(body), require_dane: true }\n")
        kill(exporter.process.processIdentifier, SIGHUP)
        var reloaded: Double?
        for _ in 0..<50 where reloaded != 1 {
            try await Task.sleep(for: .milliseconds(100))
            reloaded = Self.value(try await Self.get("\(exporter.base)/metrics").body, "danecheck_exporter_config_last_reload_successful")
        }
        #expect(reloaded == 1)
        let second = try await Self.get("\(exporter.base)/probe?target=notlsa.mx.dane.test&module=second")
        #expect(second.code == 200 && Self.value(second.body, "probe_success") == 0, "the new module, require_dane")
    }

    @Test func configCheckNamesFileLineAndKey() async throws {
        let files = try await Files()
        let modules = try files.write("modules.yml", "modules:\n  m: { timeout: 5 }\n")
        let web = try files.write("web.yml", "basic_auth_users:\n  prometheus: \"\(files.hash)\"\n")
        let good = try await CLI.tool(CLI.exporter.path, ["--config.file", modules, "--web.config.file", web, "--config.check"], input: "")
        #expect(good.status == 0 && good.output == "\(modules): OK (modules: m)\n\(web): OK\n", "\(good.output)")
        let badWeb = try files.write("bad-web.yml", "tls_server_config:\n  cert_file: \(files.path("server.pem"))\n  key_file: \(files.path("server.key"))\n  min_version: TLS14\n")
        let bad = try await CLI.tool(CLI.exporter.path, ["--web.config.file", badWeb, "--config.check"], input: "")
        #expect(bad.status == 1 && bad.output == "danecheck-exporter: \(badWeb):4: tls_server_config.min_version: 'TLS14' is not one of TLS10, TLS11, TLS12, TLS13\n", "\(bad.output)")
        let badHash = try files.write("bad-hash.yml", "basic_auth_users:\n  prometheus: plaintext\n")
        let hash = try await CLI.tool(CLI.exporter.path, ["--web.config.file", badHash, "--config.check"], input: "")
        #expect(hash.status == 1 && hash.output.contains("\(badHash):2: basic_auth_users.prometheus: not a bcrypt hash") && !hash.output.contains("plaintext"))
        let badModule = try files.write("bad-modules.yml", "modules:\n  m:\n    timeout: 5\n    tls: sometimes\n")
        let module = try await CLI.tool(CLI.exporter.path, ["--config.file", badModule, "--config.check"], input: "")
        #expect(module.status == 1 && module.output.hasPrefix("danecheck-exporter: \(badModule):2: modules.m: The value 'sometimes' is invalid for '--tls"), "\(module.output)")
        // A key pair that does not match is found by OpenSSL, at --config.check as at start-up.
        let mismatch = try files.write("mismatch.yml", "tls_server_config:\n  cert_file: \(files.path("server.pem"))\n  key_file: \(files.path("client.key"))\n")
        let pair = try await CLI.tool(CLI.exporter.path, ["--web.config.file", mismatch, "--config.check"], input: "")
        #expect(pair.status == 1 && pair.output.hasSuffix("\(mismatch): tls_server_config: key_file \(files.path("client.key")): key values mismatch\n"), "\(pair.output)")
    }

    @Test func debugAnswersTheLogTheReportAndTheMetrics() async throws {
        let exporter = try await Exporter.start(Self.sandbox)
        let page = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&debug=true")
        #expect(page.code == 200)
        #expect(page.body.hasPrefix("Logs for the probe:\ntarget=ee311.mx.dane.test module=default "), "\(page.body.prefix(300))")
        #expect(page.body.contains("ee311.mx.dane.test: authenticated via ee311.dane.test"), "the verdict line")
        #expect(page.body.contains("Domain 'ee311.mx.dane.test' has 1 MX"), "the domain report")
        #expect(page.body.contains("\n\nMetrics that would have been returned:\n") && Self.value(page.body.components(separatedBy: "Metrics that would have been returned:\n").last ?? "", "probe_success") == 1)
    }

    /// blackbox_exporter's names for the same facts; the certificate and TLS facts stay on the
    /// page of a domain whose DANE verification fails (blackbox_exporter #1119).
    @Test func blackboxMetricsStayWhenVerificationFails() async throws {
        let exporter = try await Exporter.start(Self.sandbox)
        let now = Date().timeIntervalSince1970
        for target in ["ee311.mx.dane.test", "wrongdigest.mx.dane.test"] {
            let page = try await Self.get("\(exporter.base)/probe?target=\(target)").body
            #expect((Self.value(page, "probe_ssl_earliest_cert_expiry") ?? 0) > now + 86_400, "\(target)")
            #expect(Self.value(page, "probe_tls_version_info{version=\"TLS 1.3\"}") == 1, "\(target)")
            #expect((Self.value(page, "probe_dns_lookup_time_seconds") ?? 0) > 0, "\(target)")
            #expect(page.contains("danecheck_address_certificate_key_info{mx_host="), "\(target)")
            #expect(page.contains("danecheck_address_tls_version_info{mx_host="), "\(target)")
        }
        let bad = try await Self.get("\(exporter.base)/probe?target=wrongdigest.mx.dane.test").body
        #expect(Self.value(bad, "probe_success") == 0)
        #expect(!bad.contains("danecheck_address_tlsa_match_depth{"), "no record matched")
        let good = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test").body
        #expect(Self.value(good, "danecheck_address_tlsa_match_depth{mx_host=\"ee311.dane.test\",address=\"127.0.10.1\"}") == 0)
        #expect(Self.value(good, "probe_ip_protocol") == 4)
    }

    /// Private addresses are refused by default, after resolving and before connecting: h-silent
    /// holds a connection for 120 s, so a probe that connected would time out; the refusal comes
    /// at once. allowed_domains refuses by name (403).
    @Test func targetsAreRefusedByAddressAndByName() async throws {
        let files = try await Files()
        let modules = try files.write("modules.yml", """
            modules:
              open: { resolver: [\(Sandbox.validating)], timeout: 60 }
              named: { resolver: [\(Sandbox.validating)], timeout: \(Sandbox.timeout), allowed_domains: ["*.mx.dane.test"], allow_private_addresses: true }
            """)
        let exporter = try await Exporter.start(Self.sandbox + ["--config.file", modules])
        let refused = try await Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test&module=open",
                                         headers: ["X-Prometheus-Scrape-Timeout-Seconds: 30"], seconds: 10)
        #expect(refused.code == 200)
        #expect(Self.value(refused.body, "danecheck_target_refused") == 1 && Self.value(refused.body, "probe_success") == 0)
        #expect(Self.value(refused.body, "danecheck_probe_timed_out") == 0)
        let log = await exporter.logLines(1)
        #expect(log.first?.contains("result=refused err=\"non-public addresses: 127.") == true, "\(log)")
        let allowed = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&module=named")
        #expect(Self.value(allowed.body, "probe_success") == 1 && Self.value(allowed.body, "danecheck_target_refused") == 0)
        let other = try await Self.get("\(exporter.base)/probe?target=dane.test&module=named")
        #expect(other.code == 403 && other.body == "target dane.test is not allowed by module 'named' (allowed_domains: *.mx.dane.test)\n", "\(other.body)")
    }

    @Test func limitsPerTargetAndInAllAnswerTheirStatus() async throws {
        let exporter = try await Exporter.start(["--resolver", Sandbox.validating, "--timeout", "3", "--allow-private-addresses",
                                                 "--max-concurrent", "1", "--max-queued", "0", "--max-concurrent-per-target", "1"])
        async let first = Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test")
        var running: Double?
        for _ in 0..<40 where running != 1 {
            try await Task.sleep(for: .milliseconds(100))
            running = Self.value(try await Self.get("\(exporter.base)/metrics").body, "danecheck_exporter_probes_in_flight")
        }
        #expect(running == 1)
        let same = try await Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test")
        #expect(same.code == 429 && same.body.contains("--max-concurrent-per-target"), "\(same)")
        let other = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test")
        #expect(other.code == 503 && other.body.contains("--max-queued"), "\(other)")
        #expect(try await first.code == 200)
        #expect(try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test").code == 200, "free again")
    }

    @Test func oneJSONLogLinePerProbe() async throws {
        let exporter = try await Exporter.start(Self.sandbox + ["--log.format", "json"])
        _ = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test")
        _ = try await Self.get("\(exporter.base)/probe?target=wrongdigest.mx.dane.test")
        let lines = await exporter.logLines(2)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(objects.count == 2, "\(lines)")
        #expect(objects.map { $0["target"] } == ["ee311.mx.dane.test", "wrongdigest.mx.dane.test"])
        #expect(objects.map { $0["result"] } == ["success", "failure"])
        #expect(objects.allSatisfy { $0["module"] == "default" && $0["msg"] == "probe" && Double($0["duration_seconds"] ?? "") != nil })
    }

    /// Debian's Prometheus scraping the exporter over TLS with basic auth, as the web
    /// configuration asks, with blackbox's relabelling; its answers read through its HTTP API.
    @Test func aRealPrometheusScrapesOverTLSWithBasicAuth() async throws {
        let files = try await Files()
        let web = try files.write("web.yml", """
            tls_server_config: { cert_file: \(files.path("server.pem")), key_file: \(files.path("server.key")) }
            basic_auth_users: { prometheus: "\(files.hash)" }
            """)
        let exporter = try await Exporter.start(Self.sandbox + ["--web.config.file", web])
        let address = exporter.base.replacingOccurrences(of: "https://", with: "")
        let prometheus = try PrometheusServer(listen: "127.0.15.3:9090", configuration: """
            global: { scrape_interval: 2s, scrape_timeout: 2s }
            scrape_configs:
              - job_name: dane
                scheme: https
                metrics_path: /probe
                basic_auth: { username: prometheus, password: s3cret }
                tls_config: { ca_file: \(files.path("ca.pem")) }
                static_configs: [{ targets: [ee311.mx.dane.test, wrongdigest.mx.dane.test] }]
                relabel_configs:
                  - { source_labels: [__address__], target_label: __param_target }
                  - { source_labels: [__param_target], target_label: instance }
                  - { target_label: __address__, replacement: "\(address)" }
              - job_name: wrong-password
                scheme: https
                basic_auth: { username: prometheus, password: guess }
                tls_config: { ca_file: \(files.path("ca.pem")) }
                static_configs: [{ targets: ["\(address)"] }]
            """)
        let query = prometheus.query
        var up: [String: Double] = [:]
        for _ in 0..<60 where up.count < 3 {
            try await Task.sleep(for: .milliseconds(500))
            up = try await query("up")
        }
        #expect(up == ["ee311.mx.dane.test": 1, "wrongdigest.mx.dane.test": 1, address: 0], "the wrong password's scrape fails: \(up)")
        #expect(try await query("probe_success") == ["ee311.mx.dane.test": 1, "wrongdigest.mx.dane.test": 0])
        #expect(try await query("probe_ssl_earliest_cert_expiry > time()").keys.sorted() == ["ee311.mx.dane.test", "wrongdigest.mx.dane.test"])
    }
}
