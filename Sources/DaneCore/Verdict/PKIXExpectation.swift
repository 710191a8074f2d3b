/// A PKIX check of the server's chain, used only where DANE does not apply (Momentum's
/// `tls_verify`): the chain must lead to a CA in `caFile` (or the system store), and with a
/// `hostname` the certificate must carry that name.
public struct PKIXExpectation: Sendable, Hashable {
    public let caFile: String?
    public let hostname: DNSName?

    public init(caFile: String?, hostname: DNSName?) {
        self.caFile = caFile
        self.hostname = hostname
    }
}
