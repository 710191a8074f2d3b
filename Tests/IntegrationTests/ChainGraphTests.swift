import Foundation
import Testing
import TestSupport

/// `chain --format dot|svg|png` and `domain --format`: for every sandbox chain case, Graphviz
/// reads the DOT (`dot -Tsvg` exits 0), and the colours Graphviz reads back (`dot -Tjson`) are
/// those of the statuses `chain --json` gives for the same chain, in DNSViz's colours.
@Suite(.sandbox)
struct ChainGraphTests {
    static let anchor = ["--trust-anchor", LocalValidationTests.anchorFile]
    /// DNSViz's colours (dnsviz/viz/dnssec.py), restated here as the specification.
    static let colours = ["secure": "#0a879a", "bogus": "#be1515", "insecure": "#000000", "indeterminate": "#f4b800"]
    static let expiredColour = "#6131a3"

    /// Every shape of chain the sandbox has: secure, an expired RRSIG, a DS digest mismatch, a
    /// forged signature, an unsigned delegation, an opt-out span, a denial, a wildcard, no answer.
    static let cases: [[String]] = [
        ["example.test", "MX"], ["_25._tcp.mx.expiredrr.test", "TLSA"], ["dsdigest.test", "MX"], ["bogus-mx.test", "MX"],
        ["mx.insecure.test", "A"], ["sub.optout.test", "MX"], ["nothere.example.test", "MX"], ["*.w.n.proof.test", "MX"],
        ["_25._tcp.h.proof.test", "TLSA"], ["lame.test", "MX"],
    ]

    static func abs(_ name: String) -> String { name == "." ? "." : name + "." }

    /// The graph as Graphviz reads it (`dot -Tjson`): its nodes and clusters, its edges.
    static func read(_ dot: String) async throws -> (objects: [[String: Any]], edges: [[String: Any]]) {
        let drawn = try await CLI.tool("/usr/bin/dot", ["-Tjson"], input: dot)
        try #require(drawn.status == 0, "\(drawn.output)")
        let graph = try #require(try JSONSerialization.jsonObject(with: Data(drawn.output.utf8)) as? [String: Any])
        return (graph["objects"] as? [[String: Any]] ?? [], graph["edges"] as? [[String: Any]] ?? [])
    }

    @Test(arguments: cases)
    func graphColoursAreTheStatusesOfChainJSON(_ query: [String]) async throws {
        let common = query + ["--resolver", Sandbox.validating, "--timeout", "3"] + Self.anchor
        let json = try await CLI.run(["chain"] + common + ["--json"])
        let dot = try await CLI.run(["chain"] + common + ["--format", "dot"])
        #expect(dot.status == json.status, "\(dot.stderr)")
        let svg = try await CLI.tool("/usr/bin/dot", ["-Tsvg", "-o", "/dev/null"], input: dot.stdout)
        #expect(svg.status == 0, "dot -Tsvg: \(svg.output)")
        let (objects, edges) = try await Self.read(dot.stdout)
        let byID = Dictionary(objects.compactMap { object in (object["id"] as? String).map { ($0, object) } }, uniquingKeysWith: { a, _ in a })
        func colour(_ id: String) -> String? { byID[id]?["color"] as? String }
        func id(_ gvid: Any?) -> String { (gvid as? Int).flatMap { objects.indices.contains($0) ? objects[$0]["id"] as? String : nil } ?? "" }
        #expect(byID["legend"] != nil)

        let chain = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = chain["steps"] as? [[String: Any]] ?? []
        #expect(!steps.isEmpty || chain["status"] as? String == "indeterminate")
        let zoneStatus = Dictionary(steps.filter { $0["kind"] as? String == "zone" }.map { (Self.abs($0["name"] as! String), $0["status"] as! String) },
                                    uniquingKeysWith: { a, _ in a })
        let now = Date()
        var checked = 0
        for (index, step) in steps.enumerated() {
            let name = Self.abs(step["name"] as! String), status = step["status"] as! String
            let expected = try #require(Self.colours[status])
            if step["kind"] as? String == "zone" {
                #expect(colour("zone|\(name)") == expected, "frame of \(name)")
                for key in step["keys"] as? [[String: Any]] ?? [] {
                    let tag = key["key_tag"] as! Int, algorithm = key["algorithm"] as! Int, matched = key["matched"] as! Bool
                    switch key["kind"] as? String {
                    case "DNSKEY":
                        #expect(colour("DNSKEY|\(name)|\(algorithm)|\(tag)") == expected, "DNSKEY \(tag) of \(name)")
                    case "DS":
                        #expect(colour("DS|\(name)|\(algorithm)|\(tag)|\(key["digest_type"] as! Int)") == (matched ? Self.colours["secure"] : expected),
                                "DS \(tag) of \(name)")
                    default:
                        let detail = (key["digest_type"] as? Int) ?? (key["flags"] as? Int) ?? 0
                        #expect(colour("anchor|\(name)|\(key["type"] as! String)|\(algorithm)|\(tag)|\(detail)") == (matched ? Self.colours["secure"] : expected))
                    }
                    checked += 1
                }
            } else {
                #expect(colour("RRset|\(name)|\(step["type"] as! String)|\(index)") == expected, "RRset \(name)")
                checked += 1
            }
            // Each RRSIG: from what it signs to the key that made it, in the colour of its result.
            for (number, signature) in (step["signatures"] as? [[String: Any]] ?? []).enumerated() {
                let signer = Self.abs(signature["signer"] as! String)
                let key = "DNSKEY|\(signer)|\(signature["algorithm"] as! Int)|\(signature["key_tag"] as! Int)"
                let signed: String = step["kind"] as? String == "data" ? "RRset|\(name)|\(step["type"] as! String)|\(index)"
                    : signature["covered"] as? String == "DS" ? "DS|\(name)|" : "DNSKEY|\(name)|"
                let drawnEdges = edges.filter { edge in
                    let edgeID = edge["id"] as? String ?? ""
                    return edgeID.hasPrefix("RRSIG|") && edgeID.hasSuffix("|\(number)") && id(edge["head"]) == key && id(edge["tail"]).hasPrefix(signed)
                }
                let want: String
                if signature["result"] as? String == "ok" {
                    want = zoneStatus[signer] == "insecure" ? Self.colours["insecure"]! : Self.colours["secure"]!
                } else {
                    let window = try Date(signature["expiration"] as! String, strategy: .iso8601) < now
                        || Date(signature["inception"] as! String, strategy: .iso8601) > now
                    want = window ? Self.expiredColour : Self.colours["bogus"]!
                }
                #expect(!drawnEdges.isEmpty, "no RRSIG edge from \(signed) to \(key)")
                #expect(drawnEdges.allSatisfy { $0["color"] as? String == want }, "RRSIG \(number) of \(name): \(drawnEdges.map { $0["color"] ?? "" })")
                if want != Self.colours["secure"]! && want != Self.colours["insecure"]! {
                    #expect(drawnEdges.allSatisfy { ($0["label"] as? String)?.isEmpty == false }, "a failing edge says why")
                }
                checked += 1
            }
        }
        #expect(checked > 0 || steps.isEmpty)
    }

    @Test func anExpiredSignatureIsPurpleAndSaysWhen() async throws {
        let dot = try await CLI.run(["chain", "_25._tcp.mx.expiredrr.test", "--resolver", Sandbox.validating, "--format", "dot"] + Self.anchor)
        #expect(dot.status == 1)
        #expect(dot.stdout.contains("color=\"#6131a3\", style=\"solid\", class=\"expired\", label=\"RRSIG expired 2020-02-01\""))
    }

    @Test func svgAndPNGAreDrawnByGraphvizAndTheREADMEPicturesComeFromThisRun() async throws {
        let svg = try await CLI.run(["chain", "_25._tcp.mx.expiredrr.test", "--resolver", Sandbox.validating, "--format", "svg"] + Self.anchor)
        #expect(svg.status == 1)
        #expect(svg.stdout.contains("<svg") && svg.stdout.contains("RRSIG expired 2020&#45;02&#45;01"))
        let png = try await CLI.run(["chain", "_25._tcp.mx.expiredrr.test", "--resolver", Sandbox.validating, "--format", "png"] + Self.anchor)
        #expect(png.status == 1 && png.stdout.hasPrefix("\u{FFFD}PNG"))
        // The README's pictures, drawn by this run.
        for (file, arguments) in [("chain-expired-rrsig.png", ["chain", "_25._tcp.mx.expiredrr.test"] + Self.anchor),
                                  ("domain-dane-test.png", ["domain", "dane.test", "--probe", "--timeout", "3"])] {
            let dot = try await CLI.run(arguments + ["--resolver", Sandbox.validating, "--format", "dot"])
            let out = ReadmeImage.path(file)
            let drawn = try await CLI.tool("/usr/bin/dot", ["-Tpng", "-Gdpi=80", "-o", out], input: dot.stdout)
            #expect(drawn.status == 0, "\(drawn.output)")
        }
    }

    @Test func withoutGraphvizSVGSaysHowToInstallIt() async throws {
        let result = try await CLI.run(["chain", "example.test", "--resolver", Sandbox.validating, "--format", "svg"] + Self.anchor,
                                       environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("apt-get install graphviz"))
        let dot = try await CLI.run(["chain", "example.test", "--resolver", Sandbox.validating, "--format", "dot"] + Self.anchor,
                                    environment: ["PATH": "/nonexistent"])
        #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph chain {"))
        let both = try await CLI.run(["chain", "example.test", "--json", "--format", "dot"])
        #expect(both.status == 2)
    }

    /// A `dot` that complains at length (300 kB on stderr, more than a pipe holds) and fails:
    /// its complaint is read while its drawing is, so it ends with its own exit code, not killed
    /// by `timeout` 20 s later (exit 124) after waiting for a reader of its stderr.
    @Test func aDotThatComplainsAtLengthIsHeardOut() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("dot")
        try "#!/bin/sh\nexec timeout 20 sh -c 'cat >/dev/null; head -c 300000 /dev/zero | tr \"\\\\000\" x >&2; exit 1'\n"
            .write(to: dot, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dot.path)
        let result = try await CLI.run(["chain", "example.test", "--resolver", Sandbox.validating, "--format", "svg"] + Self.anchor,
                                       environment: ["PATH": "\(folder.path):/usr/bin:/bin"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("danecheck: error: Graphviz's dot failed (exit 1): xxx"), "\(result.stderr.prefix(200))")
    }

    @Test func domainGraphShowsEachAddressVerdictAndTheRecordItMatched() async throws {
        let result = try await CLI.run(["domain", "dane.test", "--probe", "--timeout", "3", "--resolver", Sandbox.validating, "--format", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        let (objects, edges) = try await Self.read(result.stdout)
        let json = try await CLI.run(["domain", "dane.test", "--probe", "--timeout", "3", "--resolver", Sandbox.validating, "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hosts = document["hosts"] as? [[String: Any]] ?? []
        #expect(hosts.count == 3)
        for (index, host) in hosts.enumerated() {
            let addresses = (host["probe"] as? [String: Any])?["addresses"] as? [[String: Any]] ?? []
            #expect(!addresses.isEmpty)
            for address in addresses {
                let verdict = address["verdict"] as! String
                let node = objects.first { ($0["id"] as? String)?.hasPrefix("host|\(index)|address|") == true
                    && ($0["label"] as? String)?.hasPrefix(address["address"] as! String) == true }
                #expect(node?["class"] as? String == verdict, "\(address["address"] ?? "")")
                // A matched record: an edge from the address to the record OpenSSL matched, at its depth.
                let nodeIndex = node.flatMap { node in objects.firstIndex { $0["id"] as? String == node["id"] as? String } }
                let matches = edges.filter { ($0["tail"] as? Int) == nodeIndex && ($0["id"] as? String)?.hasPrefix("match|") == true }
                let tls = address["tls"] as? [String: Any]
                if let record = tls?["matched"] as? String, verdict == "authenticated" {
                    try #require(matches.count == 1, "\(address["address"] ?? "")")
                    let head = objects[matches[0]["head"] as! Int]
                    #expect((head["label"] as? String)?.hasPrefix("TLSA \(record.prefix(23))") == true, "\(head["label"] ?? "") for \(record)")
                    #expect(matches[0]["headlabel"] as? String == "matched at depth \(tls?["matched_depth"] as! Int)")
                } else {
                    #expect(matches.isEmpty && verdict != "authenticated", "\(address["address"] ?? "")")
                }
            }
        }
    }
}
