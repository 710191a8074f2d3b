import ArgumentParser
import Foundation

/// `danecheck exporter …`: the Prometheus exporter is a program of its own, `danecheck-exporter`
/// (so that building the command line does not build an HTTP server). This command runs it with
/// the same arguments (exec: the exporter takes this process's place), found beside this program
/// or in PATH; existing service units that call `danecheck exporter` keep working.
public struct ExporterShimCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "exporter",
        abstract: "Run the Prometheus exporter: the program danecheck-exporter, with these arguments (see danecheck-exporter --help).")

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("danecheck-exporter's options.", valueName: "option"))
    public var arguments: [String] = []

    public init() {}

    /// danecheck-exporter beside this program (its build folder, or where both were installed),
    /// else the first in PATH.
    static func exporterPath() -> String? {
        let name = "danecheck-exporter"
        var candidates: [String] = []
        if let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(name).path)
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/\(name)")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public func run() throws {
        guard let path = Self.exporterPath() else {
            throw CommandError("the exporter is the program danecheck-exporter, found neither beside danecheck nor in PATH "
                               + "(build it: swift build --product danecheck-exporter; make install installs both)", exitCode: DanecheckExit.usage)
        }
        let words = [path] + arguments
        let argv = words.map { strdup($0) } + [nil]
        execv(path, argv)
        throw CommandError("cannot run \(path): \(String(cString: strerror(errno)))", exitCode: DanecheckExit.usage)
    }
}
