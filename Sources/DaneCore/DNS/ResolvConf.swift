import Foundation

/// The `nameserver` lines of a resolv.conf file (resolv.conf(5)).
public enum ResolvConf {
    public static let defaultPath = "/etc/resolv.conf"

    /// Parses resolv.conf text; lines that are not usable nameservers are skipped.
    public static func nameservers(in text: String) -> [ResolverAddress] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, fields[0] == "nameserver" else { return nil }
            var host = String(fields[1])
            if let scope = host.firstIndex(of: "%") { host = String(host[..<scope]) }
            return IPAddress(host).map { ResolverAddress(address: $0) }
        }
    }

    /// Reads and parses a resolv.conf file.
    public static func nameservers(atPath path: String) throws(ResolvConfError) -> [ResolverAddress] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let servers = nameservers(in: String(decoding: data, as: UTF8.self))
        if servers.isEmpty { throw .noNameservers(path) }
        return servers
    }
}
