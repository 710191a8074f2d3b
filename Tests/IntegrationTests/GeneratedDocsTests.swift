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
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let generated = try String(contentsOf: dir.appendingPathComponent("danecheck.1"), encoding: .utf8)
        #expect(generated == committed, "man/danecheck.1 is stale: run scripts/docs.sh")
    }
}
