/// The local policy a check applies (schema `policy`): the Momentum DANE module's knobs.
public struct PolicyJSON: Codable, Sendable, Equatable {
    public let useDANE: Bool
    public let enableDANE: Bool
    public let tls: String
    public let tlsVerify: String
    public let caFile: String?
    public let insecureMX: String
    public let mtaSTS: Bool

    enum CodingKeys: String, CodingKey {
        case useDANE = "use_dane", enableDANE = "enable_dane", tls, tlsVerify = "tls_verify", caFile = "ca_file"
        case insecureMX = "insecure_mx", mtaSTS = "mta_sts"
    }

    public init(_ policy: CheckPolicy) {
        useDANE = policy.useDANE
        enableDANE = policy.enableDANE
        tls = policy.tls.rawValue
        tlsVerify = policy.tlsVerify.rawValue
        caFile = policy.caFile
        insecureMX = policy.insecureMX.rawValue
        mtaSTS = policy.mtaSTS
    }
}
