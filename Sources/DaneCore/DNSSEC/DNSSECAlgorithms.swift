import CLDNS

/// Which DNSSEC algorithms and DS digests are validated (RFC 8624 §3.1, §3.3): what ldns
/// implements, less those that MUST NOT be validated (RSAMD5, DSA, DSA-NSEC3-SHA1, ECC-GOST).
/// Data signed only with others is treated as unsigned (insecure, RFC 4035 §5.2).
enum DNSSECAlgorithms {
    static let forbidden: Set<UInt8> = [1, 3, 6, 12]
    static let digests: Set<UInt8> = [1, 2, 4]

    static func validates(_ algorithm: UInt8) -> Bool {
        !forbidden.contains(algorithm) && ldns_key_algo_supported(Int32(algorithm)) != 0
    }
}
