import Foundation
import TestSupport

/// Where a test that draws one of the README's pictures writes it: docs/images/FILE when
/// `DANECHECK_UPDATE_IMAGES=1` (`make images`), else a scratch file, so that a test run leaves the
/// checkout as it was.
enum ReadmeImage {
    static func path(_ file: String) -> String {
        if ProcessInfo.processInfo.environment["DANECHECK_UPDATE_IMAGES"] == "1" {
            return PackageRoot.url.appendingPathComponent("docs/images/\(file)").path
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("danecheck-\(UUID().uuidString)-\(file)").path
    }
}
