/// Makes TLSA records from a certificate chain (RFC 6698 §2.1, RFC 7671 §8.1): "3 S M" from the
/// leaf, "2 S M" from the certificate that issued it.
public enum TLSARecordGenerator {
    public struct Generated: Sendable, Hashable {
        public let record: TLSARecord
        /// The certificate the record pins.
        public let certificate: PeerCertificate
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unusableParameter(String)
        case noIssuer
        case order(String)

        public var description: String {
            switch self {
            case .unusableParameter(let text): text
            case .noIssuer: "the chain holds no issuing CA certificate for a 2 x x record: give the leaf first, then its issuer"
            case .order(let text): text
            }
        }
    }

    /// The records to publish: the given parameters, or (nil) the rollover-safe pair "3 1 1" of
    /// the leaf and "2 1 1" of its issuer (only "3 1 1" when the chain has no issuer).
    public static func records(_ chain: [PeerCertificate], usage: UInt8?, selector: UInt8?,
                               matching: UInt8?) throws(Failure) -> [Generated] {
        if usage == nil && selector == nil && matching == nil {
            var pair = [try record(chain, usage: 3, selector: 1, matching: 1)]
            if chain.count > 1 { pair.append(try record(chain, usage: 2, selector: 1, matching: 1)) }
            return pair
        }
        return [try record(chain, usage: usage ?? 3, selector: selector ?? 1, matching: matching ?? 1)]
    }

    /// RFC 7672 §3.1 and RFC 6698 §2.1: the values an SMTP client can use.
    public static func check(usage: UInt8?, selector: UInt8?, matching: UInt8?) throws(Failure) {
        if let usage, usage != 2 && usage != 3 {
            throw .unusableParameter("usage \(usage) is unusable for SMTP (RFC 7672 §3.1.3): use 3 (DANE-EE) or 2 (DANE-TA)")
        }
        if let selector, selector > 1 { throw .unusableParameter("selector \(selector) is unknown: use 1 (public key) or 0 (whole certificate)") }
        if let matching, matching > 2 { throw .unusableParameter("matching type \(matching) is unknown: use 1 (SHA-256), 2 (SHA-512) or 0 (full)") }
    }

    public static func record(_ chain: [PeerCertificate], usage: UInt8, selector: UInt8,
                              matching: UInt8) throws(Failure) -> Generated {
        try check(usage: usage, selector: selector, matching: matching)
        let index = usage == 3 ? 0 : 1
        guard chain.indices.contains(index) else { throw .noIssuer }
        // A misordered bundle would pin a CA key as the server's (and defer all mail). Misordered
        // means the first certificate issued the second; a CA:TRUE or self-signed server
        // certificate on its own is a valid DANE-EE server certificate (RFC 7672 §3.1.1).
        if chain.count > 1, chain[1].issuer == chain[0].subject, chain[1].subject != chain[0].subject {
            throw .order("the first certificate (\(chain[0].subject)) issued the second (\(chain[1].subject)): "
                         + "the chain must start with the server's certificate")
        }
        if usage == 2, chain[1].subject != chain[0].issuer {
            throw .order("the second certificate (\(chain[1].subject)) did not issue the first (issuer \(chain[0].issuer))")
        }
        let certificate = chain[index]
        guard let data = certificate.associationData(selector: selector, matchingType: matching) else {
            throw .unusableParameter("cannot compute \(usage) \(selector) \(matching)")
        }
        return Generated(record: TLSARecord(usage: usage, selector: selector, matchingType: matching, data: data),
                         certificate: certificate)
    }
}
