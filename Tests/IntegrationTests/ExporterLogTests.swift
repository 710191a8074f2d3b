@testable import DaneExporter
import Foundation
import Synchronization
import Testing

/// The exporter's log lines carry any target text intact and on one line: JSON lines parse back
/// to the fields given; logfmt quotes what is not one bare word, with no raw control or bidi
/// character left in the line.
struct ExporterLogTests {
    final class Lines: Sendable {
        let all = Mutex([String]())
    }

    static let hostile = "a \"b\"=c\\d\ne\u{1}f\u{202e}g\u{7f}"

    @Test func jsonLinesParseBackToTheirFields() throws {
        let lines = Lines()
        ExporterLog(format: .json) { line in lines.all.withLock { $0.append(line) } }
            .event("probe", [("target", Self.hostile), ("module", "default")])
        let line = try #require(lines.all.withLock { $0.first })
        #expect(!line.contains("\n") && !line.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202e}" || $0 == "\u{7f}" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["target"] == Self.hostile)
        #expect(object["msg"] == "probe" && object["module"] == "default" && object["level"] == "info")
    }

    @Test func logfmtQuotesAllButBareWords() throws {
        let lines = Lines()
        ExporterLog(format: .logfmt) { line in lines.all.withLock { $0.append(line) } }
            .event("probe", [("target", Self.hostile), ("module", "default")])
        let line = try #require(lines.all.withLock { $0.first })
        #expect(line.hasSuffix(#" level=info msg=probe target="a \"b\"=c\\d\ne\u0001f\u202eg\u007f" module=default"#), "\(line)")
    }
}
