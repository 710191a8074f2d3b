/// A certificate the server holds for a key type the default handshake did not get, that fails
/// the host's DANE (or PKIX) check: a warning naming the key type, the certificate and why, once
/// per distinct certificate of the host. Like rollover warnings it changes no verdict and makes
/// `check --strict` fail.
enum KeyTypeWarnings {
    static func of(_ addresses: [AddressReport], host: DNSName?) -> [RolloverWarning] {
        var seen: Set<[UInt8]> = []
        var warnings: [RolloverWarning] = []
        for address in addresses {
            for other in address.keyTypes {
                guard case .unmatched(let why) = other.finding, let leaf = other.probe.tls?.chain.first,
                      seen.insert(leaf.certificateDER).inserted else { continue }
                let name = host?.text ?? "[\(address.probe.address)]"
                warnings.append(RolloverWarning(.keyTypeUnmatched,
                                                "the \(other.keyType.rawValue) certificate of \(name) (\(leaf.subject)) \(why)"))
            }
        }
        return warnings
    }
}
