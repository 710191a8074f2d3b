import Foundation

/// Small file checks for option validation.
enum FileManagerCheck {
    static func isReadable(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }
}
