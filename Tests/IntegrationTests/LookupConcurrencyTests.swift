import Foundation
import Testing
import TestSupport

/// Lookups that do not depend on each other are in flight together (README: "all MX hosts
/// together, A and AAAA of each host together"): counted at a resolver, not timed. A proxy in
/// front of the validating resolver holds every answer 1 s and logs when each query came and
/// went; queries asked one after another would never overlap.
@Suite(.sandbox) struct LookupConcurrencyTests {
    struct Query { let start: Double, end: Double, name: String, type: Int }

    /// Runs `arguments` against a logging proxy (sandbox/udphelper.py --log) of its own.
    static func logged(_ arguments: [String]) async throws -> (result: CLI.Result, queries: [Query]) {
        // A port of its own each run: a proxy left behind by a killed run cannot answer for it.
        let address = "127.53.0.21", port = Int.random(in: 20_000...60_000)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("queries-\(UUID()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        proxy.arguments = [PackageRoot.path("sandbox/udphelper.py"), "--listen", "\(address):\(port)", "--upstream", "\(Sandbox.validating):53",
                           "--delay-ms", "1000", "--log", log.path]
        proxy.standardOutput = FileHandle.nullDevice
        proxy.standardError = FileHandle.nullDevice
        try proxy.run()
        // SIGKILL: a child of this process starts with SIGTERM blocked (Foundation spawns it with
        // the signal mask of a Swift concurrency thread), so terminate() would not end it.
        defer { kill(proxy.processIdentifier, SIGKILL) }
        // Up once it answers and logs: its own query is then emptied from the log.
        var up = false
        for _ in 0..<50 where !up {
            _ = try await CLI.tool("/usr/bin/drill", ["-Q", "-p", "\(port)", "@\(address)", "test.", "SOA"], input: "")
            up = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(" test. 6\n")
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(up, "the logging proxy did not start on \(address):\(port)")
        try Data().write(to: log)
        let result = try await CLI.run(arguments + ["--resolver", "\(address)@\(port)", "--timeout", Sandbox.timeout])
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let queries = text.split(separator: "\n").compactMap { line -> Query? in
            let fields = line.split(separator: " ")
            guard fields.count == 4, let start = Double(fields[0]), let end = Double(fields[1]), let type = Int(fields[3]) else { return nil }
            return Query(start: start, end: end, name: String(fields[2]), type: type)
        }
        return (result, queries)
    }

    /// The queries named (name, type) were all in flight at one moment.
    static func together(_ queries: [Query], _ wanted: [(String, Int)]) -> Bool {
        let found = wanted.compactMap { name, type in queries.first { $0.name == name && $0.type == type } }
        guard found.count == wanted.count else { return false }
        return found.map(\.start).max()! < found.map(\.end).min()!
    }

    @Test func theHostsOfADomainAreLookedUpTogether() async throws {
        let (result, queries) = try await Self.logged(["check", "example.test"])
        #expect(result.stdout.hasPrefix("example.test: defer: every MX host defers: "), "\(result.stdout)")
        let a = 1, aaaa = 28, mx = 15, txt = 16, tlsa = 52
        // First round: the MX RRset, the TLSRPT names beside it.
        #expect(Self.together(queries, [("example.test.", mx), ("_smtp._tls.example.test.", txt), ("_smtp-tlsrpt.example.test.", txt)]),
                "\(queries.map { "\($0.name) \($0.type) \($0.start)-\($0.end)" })")
        // Second round: A, AAAA and TLSA of both MX hosts, all at once.
        #expect(Self.together(queries, [("mx1.example.test.", a), ("mx1.example.test.", aaaa), ("mx2.example.test.", a),
                                         ("mx2.example.test.", aaaa), ("_25._tcp.mx1.example.test.", tlsa),
                                         ("_25._tcp.mx2.example.test.", tlsa)]),
                "\(queries.map { "\($0.name) \($0.type) \($0.start)-\($0.end)" })")
        // And nothing more than those two rounds: every query overlaps the MX query or the first A query.
        let first = try #require(queries.first { $0.name == "example.test." && $0.type == mx })
        let second = try #require(queries.first { $0.name == "mx1.example.test." && $0.type == a })
        #expect(queries.allSatisfy { ($0.start < first.end && first.start < $0.end) || ($0.start < second.end && second.start < $0.end) },
                "\(queries.map { "\($0.name) \($0.type) \($0.start)-\($0.end)" })")
        #expect(queries.count >= 10)
    }
}
