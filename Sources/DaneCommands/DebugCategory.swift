import ArgumentParser
import DaneCore
import Foundation

/// What `--debug` traces on stderr.
public enum DebugCategory: String, CaseIterable, Sendable {
    /// Every DNS query: server, name, type, flags, rcode, AD, answer count, milliseconds.
    case dns
    /// Every SMTP command sent and reply received.
    case smtp
    /// Each TLS session: version, cipher, the chain and OpenSSL's verification result.
    case tls
    /// What OpenSSL's DANE verification was given and what it matched.
    case dane
    /// Every category there is.
    case all

    /// Parses a comma-separated list such as "dns" or "all".
    static func parse(_ text: String) throws -> Set<DebugCategory> {
        var categories = Set<DebugCategory>()
        for word in text.split(separator: ",") {
            guard let category = DebugCategory(rawValue: word.trimmingCharacters(in: .whitespaces).lowercased()) else {
                let valid = allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown debug category \(BoundedText.quoted(String(word))) (valid: \(valid))")
            }
            categories.insert(category)
        }
        return categories
    }
}
