import DaneCore

/// Whether an address is on the public Internet, or one a probe from the exporter must not reach
/// unless its module allows it: loopback, unspecified, RFC 1918 private, CGNAT shared space
/// (RFC 6598), link-local, IPv6 unique-local (RFC 4193), multicast, reserved, IPv4-mapped forms
/// of these, and the documentation and benchmarking ranges (IANA special-purpose registries).
public enum AddressScope {
    public static func isPublic(_ address: IPAddress) -> Bool {
        let b = address.bytes
        if address.family == .ipv4 { return isPublicV4(b) }
        guard b.count == 16 else { return false }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff { return isPublicV4(Array(b[12...])) }  // ::ffff:a.b.c.d
        if b[0..<15].allSatisfy({ $0 == 0 }) { return false }  // :: and ::1
        if b[0] == 0xfc || b[0] == 0xfd { return false }  // fc00::/7 unique local
        if b[0] == 0xfe && (b[1] & 0xc0) == 0x80 { return false }  // fe80::/10 link-local
        if b[0] == 0xfe && (b[1] & 0xc0) == 0xc0 { return false }  // fec0::/10 site-local (deprecated)
        if b[0] == 0xff { return false }  // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return false }  // 2001:db8::/32 documentation
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..<12].allSatisfy({ $0 == 0 }) {
            return isPublicV4(Array(b[12...]))  // 64:ff9b::/96 NAT64 of an IPv4 address
        }
        return true
    }

    static func isPublicV4(_ b: [UInt8]) -> Bool {
        guard b.count == 4 else { return false }
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): return false
        case (100, 64...127): return false  // shared address space
        case (169, 254): return false
        case (172, 16...31): return false
        case (192, 168): return false
        case (192, 0) where b[2] == 0 || b[2] == 2: return false  // IETF protocol assignments, TEST-NET-1
        case (198, 18...19): return false  // benchmarking
        case (198, 51) where b[2] == 100: return false
        case (203, 0) where b[2] == 113: return false
        case (224...255, _): return false  // multicast, reserved, broadcast
        default: return true
        }
    }
}
