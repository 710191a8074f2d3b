import Foundation

/// An MTA-STS policy (RFC 8461 §3.2): version, mode, the MX patterns and max_age.
public struct MTASTSPolicy: Sendable, Hashable {
    public enum Mode: String, Sendable, CaseIterable { case enforce, testing, none }

    public let mode: Mode
    /// Patterns as published: "mx.example.com" or "*.example.com".
    public let mx: [String]
    public let maxAge: UInt32

    public init(mode: Mode, mx: [String], maxAge: UInt32) {
        self.mode = mode
        self.mx = mx
        self.maxAge = maxAge
    }

    /// RFC 8461 §3.2: "key: value" lines (CRLF or LF); version STSv1, mode, max_age (at most
    /// 31557600) and, unless mode is none, at least one mx. Unknown keys are ignored; for a key
    /// given twice the first counts (mx excepted).
    public static func parse(_ text: String) -> Result<MTASTSPolicy, MTASTSFailure> {
        var fields: [String: String] = [:]
        var mx: [String] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard let colon = line.firstIndex(of: ":") else { return .failure(.malformed("line \(BoundedText.quoted(String(line))) is not 'key: value'")) }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "mx" { mx.append(value.lowercased()) } else if fields[key] == nil { fields[key] = value }
        }
        guard fields["version"] == "STSv1" else { return .failure(.malformed("version is \(fields["version"].map { BoundedText.quoted($0) } ?? "missing"), not STSv1")) }
        guard let modeText = fields["mode"] else { return .failure(.malformed("no mode")) }
        guard let mode = Mode(rawValue: modeText) else { return .failure(.malformed("mode \(BoundedText.quoted(modeText)) is not enforce, testing or none")) }
        guard let ageText = fields["max_age"] else { return .failure(.malformed("no max_age")) }
        guard ageText.count <= 10, ageText.allSatisfy(\.isNumber), let age = UInt64(ageText), age <= 31_557_600 else {
            return .failure(.malformed("max_age \(BoundedText.quoted(ageText)) is not a number of seconds up to 31557600"))
        }
        if mode != .none, mx.isEmpty { return .failure(.malformed("no mx")) }
        for pattern in mx {
            let name = pattern.hasPrefix("*.") ? String(pattern.dropFirst(2)) : pattern
            guard (try? DNSName(validating: name)) != nil else {
                return .failure(.malformed("mx \(BoundedText.quoted(pattern)) is not a host name or *.domain"))
            }
        }
        return .success(MTASTSPolicy(mode: mode, mx: mx, maxAge: UInt32(age)))
    }

    /// RFC 8461 §4.1: an MX host matches a pattern exactly, or "*.domain" with one more label.
    public func allows(_ host: DNSName) -> Bool {
        mx.contains { Self.matches(host, pattern: $0) }
    }

    static func matches(_ host: DNSName, pattern: String) -> Bool {
        let name = pattern.hasSuffix(".") ? String(pattern.dropLast()) : pattern
        if name.hasPrefix("*.") {
            return host.parent.map { $0.text == String(name.dropFirst(2)) } ?? false
        }
        return host.text == name
    }
}
