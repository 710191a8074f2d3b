@testable import DaneConsole
import Foundation
import Testing

/// Which history files the console reads: a regular file, through a symlink too (managed
/// dotfiles); never a device (libedit would read /dev/full or /dev/zero forever).
struct HistoryFileTests {
    @Test func aSymlinkToARegularFileIsReadADeviceIsNot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real").path
        try "show settings\n".write(toFile: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("linked").path, withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("device").path, withDestinationPath: "/dev/zero")
        #expect(LineEditor.loadable(real))
        #expect(LineEditor.loadable(dir.appendingPathComponent("linked").path))
        #expect(!LineEditor.loadable(dir.appendingPathComponent("device").path))
        #expect(!LineEditor.loadable(dir.appendingPathComponent("absent").path))
    }
}
