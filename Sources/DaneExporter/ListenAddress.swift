import ArgumentParser
import DaneCore

/// Where the exporter listens: "127.0.0.1:9309", "[::1]:9309", ":9309" (every IPv4 address).
public struct ListenAddress: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init(parsing text: String) throws {
        let host: Substring, port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw ValidationError("--listen \(BoundedText.quoted(text)): give [IPv6]:PORT") }
            port = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            throw ValidationError("--listen \(BoundedText.quoted(text)): give ADDR:PORT, e.g. 127.0.0.1:9309 or [::1]:9309")
        }
        guard let number = UInt16(port) else { throw ValidationError("--listen \(BoundedText.quoted(text)): the port must be 0 to 65535") }
        let address = host.isEmpty ? "0.0.0.0" : String(host)
        guard IPAddress(address) != nil else { throw ValidationError("--listen \(BoundedText.quoted(text)): \(BoundedText.quoted(address)) is not an IP address") }
        self.init(host: address, port: Int(number))
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
