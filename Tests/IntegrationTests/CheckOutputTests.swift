import DaneCore
import Foundation
import Testing
import TestSupport

/// How `check` output reaches a person: each line as it is final and in the promised order,
/// stdout and stderr in order in one pipe, the progress bar on a terminal stderr with the
/// pending domains, a host's warning once per batch, colour only where asked.
@Suite(.sandbox) struct CheckOutputTests {
    static let resolver = "--resolver \(Sandbox.validating) --timeout \(Sandbox.timeout)"

    /// Runs a shell command line, capturing its stdout with the time each line arrived.
    static func timedLines(_ command: String) async throws -> [(line: String, seconds: Double)] {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", command]
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = FileHandle.nullDevice
                    process.standardInput = FileHandle.nullDevice
                    let start = Date()
                    try process.run()
                    var lines: [(String, Double)] = []
                    var pending = Data()
                    while true {
                        let chunk = out.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        pending.append(chunk)
                        while let end = pending.firstIndex(of: 0x0A) {
                            lines.append((String(decoding: pending[pending.startIndex..<end], as: UTF8.self), Date().timeIntervalSince(start)))
                            pending.removeSubrange(pending.startIndex...end)
                        }
                    }
                    process.waitUntilExit()
                    return lines
                })
            }.start()
        }
    }

    /// Runs a command line on a pseudo-terminal (script(1)); what the terminal received.
    static func onATerminal(_ command: String, environment: [String: String] = [:]) async throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pty-\(UUID()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qc", command, log.path]
        // A terminal that takes colour, whatever the test runner's own TERM and NO_COLOR say
        // (swift test sets NO_COLOR=1).
        var base = ProcessInfo.processInfo.environment
        base["NO_COLOR"] = nil
        base["TERM"] = "xterm"
        script.environment = base.merging(environment) { $1 }
        script.standardInput = FileHandle.nullDevice
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        await OwnThread.run { script.waitUntilExit() }
        return String(decoding: try Data(contentsOf: log), as: UTF8.self)
    }

    var binary: String { CLI.executable.path }

    @Test func textLinesStreamInInputOrderAsEachIsFinal() async throws {
        // The silent host holds its domain 4 s; the one before it is printed long before that,
        // the one after it only after it (input order is what text output promises). Measured
        // against each other, so a loaded machine shifts both.
        let lines = try await Self.timedLines("\(binary) check --resolver \(Sandbox.validating) --timeout 4 "
                                              + "ee311.mx.dane.test h-silent.mx.dane.test nullmx.test")
            .filter { line in !["note: ", "warning: "].contains { line.line.hasPrefix($0) || line.line.hasPrefix("  " + $0) } }
        #expect(lines.map { String($0.line.split(separator: ":").first ?? "") } == ["ee311.mx.dane.test", "h-silent.mx.dane.test", "nullmx.test"])
        let first = try #require(lines.first), slow = try #require(lines.dropFirst().first)
        #expect(slow.seconds >= 3.9)
        #expect(first.seconds + 2 < slow.seconds, "written as soon as it was final, not at exit (\(first.seconds)s, \(slow.seconds)s)")
    }

    @Test func jsonLinesComeInTheOrderDomainsFinish() async throws {
        let lines = try await Self.timedLines("\(binary) check --jsonl --resolver \(Sandbox.validating) --timeout 4 h-silent.mx.dane.test nullmx.test")
        let domains = try lines.map { try JSONDecoder().decode(CheckDomainJSON.self, from: Data($0.line.utf8)).domain }
        try #require(domains == ["nullmx.test", "h-silent.mx.dane.test"])
        #expect(lines[0].seconds + 2 < lines[1].seconds)
    }

    @Test func theSummaryComesAfterTheResultsInOnePipe() async throws {
        let lines = try await Self.timedLines("\(binary) check \(Self.resolver) nullmx.test ee311.mx.dane.test 2>&1 | cat")
            .map(\.line)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("2 domains: ") })
        #expect(try #require(lines.firstIndex { $0.hasPrefix("nullmx.test: ") }) < summary)
        #expect(try #require(lines.firstIndex { $0.hasPrefix("ee311.mx.dane.test: ") }) < summary)
        #expect(lines.last?.hasPrefix("slowest: ") == true)
    }

    @Test func aHostWarningIsPrintedOncePerBatchWithItsDomains() async throws {
        let result = try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test", "firstfails.dane.test", "nullmx.test"])
        let warnings = result.lines.filter { $0.contains("the certificate of ee311.dane.test is matched by one record only") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("warning: ee311.dane.test: ") == true)
        #expect(warnings.first?.hasSuffix("(2 domains: ee311.mx.dane.test, firstfails.dane.test)") == true)
        // JSON keeps them with every domain.
        let json = try await CLI.run(["check", "--json", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test", "firstfails.dane.test"])
        let document = try JSONDecoder().decode(CheckJSON.self, from: Data(json.stdout.utf8))
        #expect(document.domains.map { $0.warnings.contains { $0.kind == "no-backup" && $0.host == "ee311.dane.test" } } == [true, true])
    }

    @Test func theProgressBarFollowsStderrAndNamesThePendingDomains() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        // stdout to a file, stderr the terminal: the bar is wanted there.
        let screen = try await Self.onATerminal("\(binary) check --jsonl \(Self.resolver) h-silent.mx.dane.test nullmx.test > \(out.path)")
        #expect(screen.contains("] 1/2  "), "the bar counts done/total")
        #expect(screen.range(of: #"waiting: h-silent\.mx\.dane\.test \d+\.\ds"#, options: .regularExpression) != nil,
                "the domain holding the run, with its time")
        #expect(screen.contains("\r\u{1B}[K"), "erased before the summary")
        #expect(try String(contentsOf: out, encoding: .utf8).split(separator: "\n").count == 2)
        // Piped stderr: no bar.
        let piped = try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test", "nullmx.test"])
        #expect(!piped.stderr.contains("\r["))
    }

    @Test func colourOnATerminalOnlyAndNeverUnderNoColor() async throws {
        let command = "\(binary) check \(Self.resolver) ee311.mx.dane.test nullmx.test"
        let coloured = try await Self.onATerminal(command)
        #expect(coloured.contains("ee311.mx.dane.test: \u{1B}[1;32mauthenticated\u{1B}[0m via ee311.dane.test"))
        #expect(coloured.contains("nullmx.test: \u{1B}[31mundeliverable\u{1B}[0m: null MX"))
        #expect(coloured.contains("\u{1B}[33mwarning:\u{1B}[0m ee311.dane.test"))
        let noColor = try await Self.onATerminal(command, environment: ["NO_COLOR": "1"])
        #expect(noColor.contains("ee311.mx.dane.test: authenticated via") && !noColor.contains("\u{1B}[1;32m"))
        let never = try await Self.onATerminal(command + " --color never")
        #expect(!never.contains("\u{1B}[1;32m"))
        let piped = try await CLI.run(["check", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test"])
        #expect(!piped.stdout.contains("\u{1B}"))
        let always = try await CLI.run(["check", "--color", "always", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "ee311.mx.dane.test"])
        #expect(always.stdout.hasPrefix("ee311.mx.dane.test: \u{1B}[1;32mauthenticated\u{1B}[0m via "))
    }

    @Test func colourNeverReachesRemoteText() async throws {
        // A hostile greeting with an escape sequence stays escaped though the verdict is coloured.
        let result = try await CLI.run(["probe", "--color", "always", "--resolver", Sandbox.validating, "--timeout", Sandbox.timeout, "h-controls.dane.test"])
        #expect(result.stdout.contains("\u{1B}[1;31mdefer\u{1B}[0m: STARTTLS refused: 454 4.7.0 \\x1b[31mno TLS"))
        let raw = result.stdout.replacingOccurrences(of: "\u{1B}[1;31mdefer\u{1B}[0m", with: "defer")
            .replacingOccurrences(of: "\u{1B}[33mwarning:\u{1B}[0m", with: "warning:")
        #expect(!raw.contains("\u{1B}"), "only danecheck's own colour codes are raw escapes")
    }

    /// One clause per cause, separated plainly: no reason over the sandbox cases nests
    /// parentheses more than one deep.
    @Test func reasonsNestParenthesesAtMostOneDeep() async throws {
        let domains = ["ee311.mx.dane.test", "ta-inter.mx.dane.test", "unusable-only.mx.dane.test", "notlsa.mx.dane.test",
                       "unsignedhost.dane.test", "danemx.insecure.test", "wrongdigest.mx.dane.test", "agility.mx.dane.test",
                       "ta-wrongname.mx.dane.test", "nostarttls-usable.mx.dane.test", "h-starttls454.mx.dane.test", "bogus-mx.test",
                       "bogus-tlsa.test", "nullmx.test", "nx.nsec.test", "lame.test", "plain.mx.dane.test", "deferred.dane.test",
                       "firstfails.dane.test", "ee-expired.mx.dane.test", "bogus-a.test", "ta-notsent.mx.dane.test",
                       "ta210-notsent.mx.dane.test", "ta-expired.mx.dane.test", "mixedcert.mx.dane.test", "selfsigned.mx.dane.test"]
        let result = try await CLI.run(["check", "-v", "--resolver", Sandbox.validating, "--timeout", "1"] + domains)
        #expect(result.lines.count > domains.count)
        for line in result.reportLines where !line.isEmpty {
            var depth = 0, deepest = 0
            for character in line {
                if character == "(" { depth += 1; deepest = max(deepest, depth) }
                if character == ")" { depth -= 1 }
            }
            #expect(deepest <= 1, "\(line)")
        }
    }
}
