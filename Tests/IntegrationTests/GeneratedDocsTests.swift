import DaneCommands
import DaneCore
import Foundation
import Testing
import TestSupport

/// man/ and completions/ are generated from the command tree (scripts/docs.sh) and checked in;
/// these tests fail when they no longer match it.
@Suite struct GeneratedDocsTests {
    static let root = PackageRoot.url

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptIsCurrent(shell: String) async throws {
        let generated = try await CLI.run(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("completions/danecheck.\(shell)"), encoding: .utf8)
        #expect(generated.stdout + "\n" == committed || generated.stdout == committed,
                "completions/danecheck.\(shell) is stale: run scripts/docs.sh")
    }

    @Test func manPageIsCurrent() async throws {
        let generator = CLI.executable.deletingLastPathComponent().appendingPathComponent("generate-manual")
        try #require(FileManager.default.isExecutableFile(atPath: generator.path),
                     "build it first: swift build --product generate-manual (make test does)")
        let committed = try String(contentsOf: Self.root.appendingPathComponent("man/danecheck.1"), encoding: .utf8)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-man-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = Self.root.appendingPathComponent("scripts/docs.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, "--man-only", dir.path]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DANECHECK_BIN_DIR": CLI.executable.deletingLastPathComponent().path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        await OwnThread.run { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
        let generated = try String(contentsOf: dir.appendingPathComponent("danecheck.1"), encoding: .utf8)
        #expect(generated == committed, "man/danecheck.1 is stale: run scripts/docs.sh")
        let exporter = try String(contentsOf: Self.root.appendingPathComponent("man/danecheck-exporter.1"), encoding: .utf8)
        #expect(try String(contentsOf: dir.appendingPathComponent("danecheck-exporter.1"), encoding: .utf8) == exporter,
                "man/danecheck-exporter.1 is stale: run scripts/docs.sh")
    }

    /// README's tables name every verdict word (with Postfix's and Momentum's) and every exit code.
    @Test func readmeTablesCoverEveryWordAndCode() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for word in DanecheckVerdicts.words {
            #expect(readme.contains("\n| `\(word)` | "), "README lacks the row for \(word)")
        }
        for code in [DanecheckExit.ok, .init(1), DanecheckExit.usage, DanecheckExit.indeterminate, DanecheckExit.noMail] {
            #expect(readme.contains("\n| \(code.rawValue) | "), "README lacks the row for exit code \(code.rawValue)")
        }
    }

    /// Every finding kind is in README's table with its severity and meaning, and the JSON
    /// Schema's `warning.kind` enumerates exactly the kinds there are.
    @Test func findingKindsAreListedWhereReadersLook() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for kind in FindingKind.allCases {
            #expect(readme.contains("\n| `\(kind.rawValue)` | \(kind.severity.rawValue) | \(kind.meaning) |\n"),
                    "README lacks the row for finding \(kind.rawValue)")
        }
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.root.appendingPathComponent("schema/danecheck.schema.json")))
        let definitions = try #require((schema as? [String: Any])?["$defs"] as? [String: Any] ?? (schema as? [String: Any])?["definitions"] as? [String: Any])
        let warning = try #require(definitions["warning"] as? [String: Any])
        let kinds = try #require(((warning["properties"] as? [String: Any])?["kind"] as? [String: Any])?["enum"] as? [String])
        #expect(kinds == FindingKind.allCases.map(\.rawValue))
    }

    /// The rendered man page (not only its source): the generated tables are whole, nothing of
    /// them is left under a command, no option name is hyphenated across lines.
    @Test func renderedManPageReadsWell() async throws {
        let page = Self.root.appendingPathComponent("man/danecheck.1").path
        let man = Process()
        man.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        man.arguments = ["-l", page]
        man.environment = ["MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe(), err = Pipe()
        man.standardOutput = out
        man.standardError = err
        try man.run()
        let (text, warnings) = await OwnThread.run { () -> (String, String) in
            defer { man.waitUntilExit() }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (text, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        #expect(man.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(text.components(separatedBy: "EXIT STATUS (every command)").count == 1, "the table once, as its own section")
        #expect(text.contains("\nEXIT STATUS\n") && text.contains("\nVERDICTS\n") && text.contains("\nJSON OUTPUT\n"))
        #expect(!text.contains("\u{2010}\n"), "no word hyphenated at a line end")
        #expect(text.contains("a DS that matches no DNSKEY, and so on)"))
    }
}
