import Foundation
import Testing
import TestSupport

/// `danecheck-exporter` as Prometheus uses it: a real exporter process on loopback, its pages
/// checked by promtool, its limits tried, its module file, and a real Prometheus scraping it
/// with the multi-target relabelling of contrib/prometheus/prometheus.yml, asked through its
/// HTTP API.
@Suite(.sandbox, .serialized) struct ExporterTests {
    /// A running exporter: the process and the address it printed.
    final class Exporter: @unchecked Sendable {
        let process = Process()
        let base: String
        private let errors = Pipe()

        /// Started on a thread of its own: the wait for the listening line blocks.
        /// `listen`: nil for the exporter's default address.
        static func start(_ arguments: [String], listen: String? = "127.0.0.1:0") async throws -> Exporter {
            try await OwnThread.run { try Exporter(arguments, listen: listen) }
        }

        /// The line the exporter printed when it started listening.
        private(set) var listeningLine = ""

        private init(_ arguments: [String], listen: String?) throws {
            process.executableURL = CLI.exporter
            process.arguments = (listen.map { ["--listen", $0] } ?? []) + arguments
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // "danecheck-exporter: listening on 127.0.0.1:PORT (modules: …)", after any line the
            // start printed before it (the TLSRPT maildir's first pass may name a bad message).
            var seen = Data()
            func listened() -> Bool {
                guard let range = seen.range(of: Data("listening on ".utf8)) else { return false }
                return seen[range.upperBound...].contains(0x0A)
            }
            while !listened() {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            let line = String(decoding: seen, as: UTF8.self)
            listeningLine = line
            guard let range = line.range(of: #"listening on (\S+)"#, options: .regularExpression) else {
                process.terminate()
                throw ExporterFailure(text: "no listening line: \(line)")
            }
            base = (line.contains("(https;") ? "https://" : "http://") + line[range].dropFirst("listening on ".count)
        }

        /// The next `count` lines the exporter writes on stderr after the listening line (its log).
        func logLines(_ count: Int) async -> [String] {
            await OwnThread.run { self.readLog(count) }
        }

        private func readLog(_ count: Int) -> [String] {
                var seen = Data()
                while seen.filter({ $0 == 0x0A }).count < count {
                    let chunk = errors.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen.append(chunk)
                }
                return String(decoding: seen, as: UTF8.self).split(separator: "\n").map(String.init)
        }

        /// SIGKILL: the wait is on whatever thread drops the last reference (a cooperative one,
        /// of which the test run has two), and a graceful shutdown may take its time.
        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    struct ExporterFailure: Error { let text: String }

    /// The sandbox's servers are on loopback: every exporter here allows private addresses
    /// (refusing them is ExporterWebTests' subject).
    static let resolver = ["--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "--allow-private-addresses"]

    /// GET with curl: status code and body. A request not answered within `seconds` gets code 0
    /// (curl gave up): a test that a request is not held asserts the code, with a bound ten or
    /// more times what the answer takes, instead of timing the machine.
    static func get(_ url: String, headers: [String] = [], method: String = "GET", seconds: Int = 20, curl: [String] = []) async throws -> (code: Int, body: String) {
        let marker = "\n@@status@@"
        let result = try await CLI.tool("/usr/bin/curl", ["-s", "-g", "-m", String(seconds), "-X", method, "-w", "\(marker)%{http_code}"]
                                  + curl + headers.flatMap { ["-H", $0] } + [url], input: "")
        let parts = result.output.components(separatedBy: marker)
        return (Int(parts.last ?? "") ?? 0, parts.dropLast().joined(separator: marker))
    }

    static func value(_ page: String, _ series: String) -> Double? {
        page.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    @Test func probePagesCarryTheVerdictAndPassPromtool() async throws {
        let exporter = try await Exporter.start(Self.resolver)
        let good = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test")
        #expect(good.code == 200)
        #expect(Self.value(good.body, "probe_success") == 1)
        #expect(Self.value(good.body, "danecheck_verdict{verdict=\"authenticated\"}") == 1)
        #expect(Self.value(good.body, "danecheck_authenticated") == 1)
        #expect(Self.value(good.body, "danecheck_tlsa_records_matched{mx_host=\"ee311.dane.test\"}") == 1)
        #expect(Self.value(good.body, "danecheck_rollover_warnings{kind=\"no-backup\"}") == 1)
        #expect((Self.value(good.body, "danecheck_rrsig_expiry_seconds") ?? 0) > 86_400)
        #expect((Self.value(good.body, "danecheck_certificate_expiry_seconds{mx_host=\"ee311.dane.test\",address=\"127.0.10.1\"}") ?? 0) > 86_400)
        let bad = try await Self.get("\(exporter.base)/probe?target=wrongdigest.mx.dane.test")
        #expect(Self.value(bad.body, "probe_success") == 0)
        #expect(Self.value(bad.body, "danecheck_verdict{verdict=\"defer\"}") == 1)
        #expect(Self.value(bad.body, "danecheck_tlsa_records_matched{mx_host=\"wrongdigest.dane.test\"}") == 0)
        let bogus = try await Self.get("\(exporter.base)/probe?target=bogus-mx.test")
        #expect(Self.value(bogus.body, "danecheck_mx_dnssec_status{status=\"bogus\"}") == 1)
        for page in [good.body, bad.body, bogus.body, try await Self.get("\(exporter.base)/metrics").body] {
            let lint = try await CLI.tool("/usr/bin/promtool", ["check", "metrics"], input: page)
            #expect(lint.status == 0, "\(lint.output)")
        }
        let own = try await Self.get("\(exporter.base)/metrics").body
        #expect(Self.value(own, "danecheck_exporter_requests_total{path=\"/probe\",code=\"200\"}") == 3)
    }

    @Test func badRequestsAreAnsweredNotFatal() async throws {
        let exporter = try await Exporter.start(Self.resolver)
        let invalid = try await Self.get("\(exporter.base)/probe?target=bad..name")
        #expect(invalid.code == 400 && invalid.body == "target: invalid domain name 'bad..name': empty label\n")
        #expect(try await Self.get("\(exporter.base)/probe").code == 400)
        let module = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&module=nope")
        #expect(module.code == 400 && module.body == "unknown module 'nope' (modules: default)\n")
        #expect(try await Self.get("\(exporter.base)/nowhere").code == 404)
        #expect(try await Self.get("\(exporter.base)/probe?target=x.test", method: "POST").code == 405)
        #expect(try await Self.get("\(exporter.base)/probe").body == "give the domain: /probe?target=DOMAIN\n")
        // A header of 64 KiB, a target of 100 KiB, a header past NIO's limit: each answered (or
        // refused) at once, in linear time; the exporter lives and answers the next request. Each
        // gets 10 s (they take milliseconds): a request that held the server would get code 0.
        let bigHeader = try await Self.get("\(exporter.base)/metrics", headers: ["X-Big: " + String(repeating: "a", count: 65_536)], seconds: 10)
        #expect(bigHeader.code == 200, "a 64 KiB header is within the parser's bounds")
        let long = try await Self.get("\(exporter.base)/probe?target=" + String(repeating: "a", count: 100_000), seconds: 10)
        #expect(long.code == 400, "a 100 KiB request line is refused (by the HTTP parser, before any handler)")
        let manyHeaders = try await Self.get("\(exporter.base)/metrics", headers: (0..<40).map { "X-Big-\($0): " + String(repeating: "b", count: 4_000) }, seconds: 10)
        #expect(manyHeaders.code == 400, "160 KB of headers are past the parser's limit")
        let tooLong = try await Self.get("\(exporter.base)/probe?target=" + String(repeating: "a.", count: 150) + "test", seconds: 10)
        #expect(tooLong.code == 400 && tooLong.body.hasPrefix("target: invalid domain name '"), "\(tooLong.body)")
        #expect(try await Self.get("\(exporter.base)/metrics").code == 200)
        #expect(exporter.process.isRunning)
    }

    @Test func manyIdleConnectionsDoNotStopAnswers() async throws {
        let exporter = try await Exporter.start(Self.resolver)
        let url = URL(string: exporter.base)!
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(url.port!).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected == 0 { sockets.append(fd) } else { close(fd) }
            // Half of them start a request and stop (a slow client).
            if sockets.count % 2 == 0 { _ = "GET /metrics HTTP/1.1\r\nHost: x\r\n".withCString { write(fd, $0, strlen($0)) } }
        }
        #expect(sockets.count == 200)
        // A request held behind them would get code 0 from curl after 10 s; it needs 0.2 s.
        let page = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test", seconds: 10)
        #expect(page.code == 200)
        #expect(Self.value(page.body, "probe_success") == 1)
    }

    /// h-silent holds a connection for 120 s without a greeting: under a 60 s check timeout the
    /// check would take a minute. Prometheus allows 1.5 s: the page comes then (curl gives up
    /// after 15 s, ten times that), saying the check timed out.
    /// Once the page is sent, nothing of the check is left running: the connection to h-silent
    /// (seen open while the check ran: the control) is closed and no DNS socket is open, long
    /// before the check's own 60 s timeout.
    @Test func theScrapeTimeoutBoundsACheck() async throws {
        let exporter = try await Exporter.start(["--resolver", Sandbox.validating, "--timeout", "60", "--allow-private-addresses"])
        let pid = exporter.process.processIdentifier
        async let page = Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test",
                                  headers: ["X-Prometheus-Scrape-Timeout-Seconds: 1.5"], seconds: 15)
        let silent = "010B007F:0019"  // 127.0.11.1:25 as /proc/net/tcp writes it
        let connected = try await Self.poll { try Self.sockets(of: pid, table: "tcp", remote: silent) > 0 }
        #expect(connected, "the check connected to h-silent while it ran")
        let answer = try await page
        #expect(answer.code == 200)
        #expect(Self.value(answer.body, "danecheck_probe_timed_out") == 1)
        #expect(Self.value(answer.body, "probe_success") == 0)
        let released = try await Self.poll {
            try Self.sockets(of: pid, table: "tcp", remote: silent) == 0 && Self.sockets(of: pid, table: "udp") == 0
        }
        let left = "\(try Self.sockets(of: pid, table: "tcp", remote: silent)) connection(s) to h-silent, "
            + "\(try Self.sockets(of: pid, table: "udp")) UDP socket(s)"
        #expect(released, "after the page: \(left)")
    }

    /// The sockets process `pid` holds in /proc/net/`table` (tcp, udp, tcp6, udp6), those to
    /// `remote` ("HEXADDR:HEXPORT") only when given.
    static func sockets(of pid: Int32, table: String, remote: String? = nil) throws -> Int {
        let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
        let inodes = Set(fds.compactMap { fd -> String? in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"),
                  target.hasPrefix("socket:[") else { return nil }
            return String(target.dropFirst("socket:[".count).dropLast())
        })
        // /proc files have no size: read to the end, not by the size stat gives.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/net/\(table)"))
        defer { try? file.close() }
        let rows = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self).split(separator: "\n").dropFirst()
        return rows.filter { row in
            let fields = row.split(separator: " ")
            return fields.count > 9 && inodes.contains(String(fields[9])) && (remote == nil || fields[2] == remote!)
        }.count
    }

    /// Whether `condition` became true, looked at every 50 ms for at most 10 s (what it waits
    /// for takes well under a second).
    static func poll(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// --max-concurrent 1: of two checks of a silent host at once, one runs and one waits, as
    /// /metrics says while they do; both pages come when their checks end.
    @Test func atMostMaxConcurrentChecksRunTheOthersWait() async throws {
        let exporter = try await Exporter.start(["--resolver", Sandbox.validating, "--timeout", "3", "--max-concurrent", "1", "--allow-private-addresses"])
        async let first = Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test")
        async let second = Self.get("\(exporter.base)/probe?target=h-silent.mx.dane.test")
        var load: (running: Double?, waiting: Double?) = (nil, nil)
        for _ in 0..<40 {
            let own = try await Self.get("\(exporter.base)/metrics").body
            load = (Self.value(own, "danecheck_exporter_probes_in_flight"), Self.value(own, "danecheck_exporter_probes_waiting"))
            if load.waiting == 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(load.running == 1 && load.waiting == 1, "\(load)")
        let pages = try await [first, second]
        #expect(pages.map(\.code) == [200, 200])
        let own = try await Self.get("\(exporter.base)/metrics").body
        #expect(Self.value(own, "danecheck_exporter_probes_in_flight") == 0)
        #expect(Self.value(own, "danecheck_exporter_probes_waiting") == 0)
    }

    /// Without --listen: 127.0.0.1:9309. With [::1]:0, IPv6 loopback, answering there.
    @Test func theDefaultAddressAndIPv6() async throws {
        let defaults = try await Exporter.start(Self.resolver, listen: nil)
        #expect(defaults.listeningLine.hasPrefix("danecheck-exporter: listening on 127.0.0.1:9309 (http; modules: default)"), "\(defaults.listeningLine)")
        #expect(try await Self.get("http://127.0.0.1:9309/metrics").code == 200)
        let six = try await Exporter.start(Self.resolver, listen: "[::1]:0")
        #expect(six.base.hasPrefix("http://[::1]:"), "\(six.listeningLine)")
        let page = try await Self.get("\(six.base)/probe?target=ee311.mx.dane.test")
        #expect(page.code == 200 && Self.value(page.body, "probe_success") == 1)
    }

    @Test func modulesComeFromTheFileAndBadFilesStopTheStart() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("modules-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("modules.yml").path
        try """
            modules:
              default: { resolver: [\(Sandbox.validating)], timeout: \(Sandbox.timeout), allow_private_addresses: true }
              strict: { resolver: [\(Sandbox.validating)], timeout: \(Sandbox.timeout), require_dane: true, allow_private_addresses: true }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let exporter = try await Exporter.start(["--config", file])
        let plain = try await Self.get("\(exporter.base)/probe?target=notlsa.mx.dane.test")
        #expect(Self.value(plain.body, "probe_success") == 1)
        let strict = try await Self.get("\(exporter.base)/probe?target=notlsa.mx.dane.test&module=strict")
        #expect(Self.value(strict.body, "probe_success") == 0, "opportunistic is failing under require_dane")
        #expect(Self.value(strict.body, "danecheck_verdict{verdict=\"opportunistic\"}") == 1, "the verdict is the same")
        #expect(Self.value(strict.body, "danecheck_probe_timed_out") == 0, "the check finished")
        try "modules:\n  default: { resolvr: [127.0.0.1] }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let unknown = try await CLI.tool(CLI.exporter.path, ["--listen", "127.0.0.1:0", "--config", file], input: "")
        #expect(unknown.status == 2 && unknown.output.contains("\(file):2: modules.default.resolvr: unknown key"), "\(unknown.output)")
        try "modules:\n  default: { validation: sometimes }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let value = try await CLI.tool(CLI.exporter.path, ["--listen", "127.0.0.1:0", "--config", file], input: "")
        #expect(value.status == 2)
        #expect(value.output == "danecheck-exporter: error: \(file):2: modules.default: The value 'sometimes' is invalid for '--validation <resolver|local>'. Please provide one of 'resolver' and 'local'.\n",
                "the option's own message: \(value.output)")
    }

    /// The module file shipped in contrib/prometheus loads, and each of its modules does what its
    /// comment says: default and local (validated here) authenticate ee311; strict fails a
    /// domain that delivers without DANE.
    @Test func theShippedModuleFileWorks() async throws {
        let example = PackageRoot.url.appendingPathComponent("contrib/prometheus/danecheck-modules.yml").path
        let root = Sandbox.stateDirectory.appendingPathComponent("keys/root.ds").path
        // The shipped modules name no resolver or trust anchor: the sandbox's are given as the
        // command line's, which a module file's modules do not inherit; so the file is copied
        // with them added, the rest as shipped.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shipped-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let adapted = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^(  [a-z]+:) *(#.*)?$"#,
                                  with: "$1\n    resolver: [\(Sandbox.validating)]\n    trust_anchor: [\(root)]\n    allow_private_addresses: true", options: .regularExpression)
        let file = dir.appendingPathComponent("modules.yml").path
        try adapted.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(adapted.components(separatedBy: "resolver: [").count == 4, "\(adapted)")
        let exporter = try await Exporter.start(["--config", file])
        #expect(exporter.listeningLine.contains("(http; modules: default, local, strict)"), "\(exporter.listeningLine)")
        for module in ["default", "local"] {
            let page = try await Self.get("\(exporter.base)/probe?target=ee311.mx.dane.test&module=\(module)")
            #expect(Self.value(page.body, "danecheck_authenticated") == 1, "\(module)")
        }
        let strict = try await Self.get("\(exporter.base)/probe?target=notlsa.mx.dane.test&module=strict")
        #expect(Self.value(strict.body, "danecheck_verdict{verdict=\"opportunistic\"}") == 1)
        #expect(Self.value(strict.body, "probe_success") == 0)
        let lenient = try await Self.get("\(exporter.base)/probe?target=notlsa.mx.dane.test&module=default")
        #expect(Self.value(lenient.body, "probe_success") == 1)
    }

    @Test func theShippedRulesPassPromtoolAndFireForAFailingDomain() async throws {
        let dir = PackageRoot.url.appendingPathComponent("contrib/prometheus").path
        let check = try await CLI.tool("/usr/bin/promtool", ["check", "rules", "\(dir)/danecheck-rules.yml"], input: "")
        #expect(check.status == 0, "\(check.output)")
        let test = try await CLI.tool("/bin/sh", ["-c", "cd \(dir) && /usr/bin/promtool test rules danecheck-rules.test.yml"], input: "")
        #expect(test.status == 0, "\(test.output)")
    }

    /// A real Prometheus (Debian's) scraping the exporter with the multi-target relabelling, and
    /// its answers read back through its HTTP API.
    @Test func aRealPrometheusScrapesTheRightValues() async throws {
        let exporter = try await Exporter.start(Self.resolver)
        let exporterAddress = exporter.base.replacingOccurrences(of: "http://", with: "")
        let prometheus = try PrometheusServer(listen: "127.0.15.2:9090", configuration: """
            global: { scrape_interval: 10s, scrape_timeout: 10s }
            scrape_configs:
              - job_name: dane
                metrics_path: /probe
                static_configs: [{ targets: [ee311.mx.dane.test, wrongdigest.mx.dane.test, bogus-mx.test] }]
                relabel_configs:
                  - { source_labels: [__address__], target_label: __param_target }
                  - { source_labels: [__param_target], target_label: instance }
                  - { target_label: __address__, replacement: "\(exporterAddress)" }
            """)
        let query = prometheus.query
        // Each scrape may take 10 s less half a second (ten times and more what a check of these
        // takes): the values are read once every target was scraped by a check that finished.
        var finished: [String: Double] = [:]
        for _ in 0..<60 where finished.count < 3 || finished.values.contains(where: { $0 != 0 }) {
            try await Task.sleep(for: .milliseconds(500))
            finished = try await query("danecheck_probe_timed_out")
        }
        #expect(finished == ["ee311.mx.dane.test": 0, "wrongdigest.mx.dane.test": 0, "bogus-mx.test": 0])
        #expect(try await query("danecheck_verdict{verdict=\"defer\"} == 1").keys.sorted() == ["bogus-mx.test", "wrongdigest.mx.dane.test"])
        #expect(try await query("danecheck_authenticated") == ["ee311.mx.dane.test": 1, "wrongdigest.mx.dane.test": 0, "bogus-mx.test": 0])
        #expect(try await query("danecheck_mx_dnssec_status{status=\"bogus\"}")["bogus-mx.test"] == 1)
        #expect(try await query("up{job=\"dane\"}") == ["ee311.mx.dane.test": 1, "wrongdigest.mx.dane.test": 1, "bogus-mx.test": 1])
    }
}
