import DaneCommands
import DaneCore
import Foundation
import Synchronization

/// The exporter's log on stderr, one line per event in logfmt (`ts=… level=info msg=probe
/// target=… module=… duration_seconds=… result=…`) or JSON (`--log.format json`), as Prometheus
/// exporters log. Values are bounded and escaped; no secret is ever given to it (passwords,
/// hashes and Authorization headers are not among the fields any caller passes).
final class ExporterLog: Sendable {
    enum Format: String, CaseIterable, Sendable { case logfmt, json }

    let format: Format
    private let lock = Mutex(())
    private let write: @Sendable (String) -> Void

    init(format: Format, write: @escaping @Sendable (String) -> Void = { StandardError.line($0) }) {
        self.format = format
        self.write = write
    }

    /// One line: the time, the level, the message, then the fields in the order given.
    func event(_ message: String, _ fields: [(String, String)] = [], level: String = "info") {
        let pairs = [("ts", Self.timestamp()), ("level", level), ("msg", message)] + fields.map { ($0.0, String($0.1.prefix(400))) }
        let line = switch format {
        case .logfmt: pairs.map { "\($0.0)=\(Self.logfmt($0.1))" }.joined(separator: " ")
        case .json: "{" + pairs.map { "\(Self.json($0.0)):\(Self.json($0.1))" }.joined(separator: ",") + "}"
        }
        lock.withLock { _ in write(line) }
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// A logfmt value: bare when it is one word of printable ASCII, else quoted with escapes.
    static func logfmt(_ value: String) -> String {
        let bare = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f && $0 != "\"" && $0 != "=" && $0 != "\\" }
        return bare ? value : json(value)
    }

    /// A JSON string (control and bidi characters as \uNNNN).
    static func json(_ value: String) -> String { OrderedJSONEncoder.quoted(value) }
}
