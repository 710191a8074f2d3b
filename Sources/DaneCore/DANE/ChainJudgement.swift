import Foundation

/// One certificate chain judged against TLSA records offline, through OpenSSL's DANE
/// verification (`DANEChainVerifier`, the calls a handshake makes): each record's mark, and
/// whether the chain passes, with the reason in words. `tlsa verify` is made of these.
public struct ChainJudgement: Sendable {
    /// What the chain is: "the new chain" (a file), "the current chain" (the live server).
    public let label: String
    /// Where it came from: a file name, "[192.0.2.25]:25".
    public let origin: String
    public let chain: [PeerCertificate]
    /// One per record, in the records' order.
    public let marks: [RecordMark]
    /// OpenSSL's DANE verification succeeded: the record it matched and the depth.
    public let match: DANEMatch?
    /// "3 1 1 2b306918… matches the leaf (CN = mx.example.test) at depth 0", or why it fails.
    public let reason: String

    public var passes: Bool { match != nil }

    /// `names`: the reference identifiers DANE-TA checks, the TLSA base domain first (RFC 7672
    /// §3.2.2); `now`: the clock dates are read against in the explanation.
    public static func judge(_ chain: [PeerCertificate], label: String, origin: String, records: [TLSARecord],
                             names: [DNSName], now: Date = Date()) -> ChainJudgement {
        let usable = records.filter { SMTPTLSAUsabilityRule.evaluate($0).isUsable }
        guard let baseDomain = names.first else { preconditionFailure("a judgement needs the TLSA base domain") }
        let expectation = DANEExpectation(baseDomain: baseDomain, extraNames: Array(names.dropFirst()), records: usable)
        guard !usable.isEmpty else {
            let marks = RecordMarker.mark(records, tls: nil, refused: [])
            return ChainJudgement(label: label, origin: origin, chain: chain, marks: marks, match: nil,
                                  reason: records.isEmpty ? "no TLSA record to verify against" : "no usable TLSA record (RFC 7672 §3.1)")
        }
        let outcome = DANEChainVerifier.verify(chain, expectation: expectation)
        let summary = TLSSummary(version: "", cipher: "", chain: chain, verifyCode: outcome.verifyCode,
                                 verifyError: outcome.verifyError, daneMatch: outcome.match)
        let marks = RecordMarker.mark(records, tls: summary, refused: outcome.refused)
        if let failure = outcome.setupFailure {
            return ChainJudgement(label: label, origin: origin, chain: chain, marks: marks, match: nil, reason: failure)
        }
        guard let match = outcome.match else {
            return ChainJudgement(label: label, origin: origin, chain: chain, marks: marks, match: nil,
                                  reason: DANEFailureExplainer.explain(summary, expectation: expectation, now: now))
        }
        let certificate = chain.indices.contains(match.depth) ? " (\(chain[match.depth].subject))" : ""
        let what = match.depth == 0 ? "the server's certificate" : "the CA certificate"
        return ChainJudgement(label: label, origin: origin, chain: chain, marks: marks, match: match,
                              reason: "\(short(match.record)) matches \(what)\(certificate) at depth \(match.depth)")
    }

    static func short(_ record: TLSARecord) -> String {
        record.abbreviated
    }
}
