/// What DANE (or, where it does not apply, the local policy) demands of connections to a host
/// (schema `requirement`): authenticate, trust, encrypt, tls-required, pkix, opportunistic,
/// plaintext, unusable; why; the TLSA base domain under DANE.
public struct RequirementJSON: Codable, Sendable, Equatable {
    public let kind: String
    public let reason: String?
    public let baseDomain: String?

    enum CodingKeys: String, CodingKey { case kind, reason, baseDomain = "base_domain" }

    public init(_ policy: DANEPolicy) {
        kind = policy.keyword
        reason = policy.reason
        baseDomain = policy.expectation?.baseDomain.text
    }
}
