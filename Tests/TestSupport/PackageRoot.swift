import Foundation

/// Where the package lives (the directory holding Package.swift), found from this source file;
/// tests read the sandbox's state and the recorded fixtures from there.
public enum PackageRoot {
    public static let url: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir
    }()

    public static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}
