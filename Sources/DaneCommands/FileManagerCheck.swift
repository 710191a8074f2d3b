import Foundation

/// Small file checks for option validation.
enum FileManagerCheck {
    static func isReadable(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
