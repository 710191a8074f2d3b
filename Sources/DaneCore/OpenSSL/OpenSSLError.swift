import COpenSSL
import Foundation

/// OpenSSL's error queue, read into one typed error (clear before a call, drain after).
public struct OpenSSLError: Error, Sendable, Hashable, CustomStringConvertible {
    public let context: String
    public let messages: [String]
    /// The reason code of each error (ERR_GET_REASON: SSL_R_…, X509_R_…), in queue order: what
    /// code decides on; `messages` are for people.
    public let reasons: [Int32]

    public init(context: String, messages: [String], reasons: [Int32] = []) {
        self.context = context
        self.messages = messages
        self.reasons = reasons
    }

    public var description: String {
        messages.isEmpty ? context : "\(context): \(messages.joined(separator: "; "))"
    }

    /// Empties the queue so that the next drain reports only the next call's errors.
    public static func clear() { ERR_clear_error() }

    /// Reads and empties the queue.
    public static func drain(_ context: String) -> OpenSSLError {
        var messages: [String] = []
        var reasons: [Int32] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            reasons.append(ERR_GET_REASON(code))
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // "error:0A000086:SSL routines::certificate verify failed" → the words after the last "::" or ":".
            let words = text.components(separatedBy: "::").last.flatMap { $0.split(separator: ":").last.map(String.init) } ?? text
            if !messages.contains(words) { messages.append(words) }
        }
        return OpenSSLError(context: context, messages: messages, reasons: reasons)
    }
}
