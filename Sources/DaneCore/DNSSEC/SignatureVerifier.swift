import CLDNS
import Foundation

/// Checks the RRSIGs over one RRset with a zone's trusted keys (RFC 4035 §5.3): ldns does the
/// cryptography; the validity window is checked here against the injected clock.
enum SignatureVerifier {
    struct Check {
        let valid: Bool
        /// Why no signature validates the RRset (nil when one does).
        let failure: String?
        let summaries: [SignatureSummary]
    }

    /// `what` names the RRset in messages, e.g. "TLSA _25._tcp.mx.example.test".
    /// `exactLabels`: the RRset may not be a wildcard expansion (NSEC and NSEC3 records, whose
    /// RRSIG labels must count the owner's labels, a leading "*" aside; RFC 4035 §5.3.1, §5.4).
    static func verify(_ rrset: LDNSRRList, signatures: LDNSRRList, keys: LDNSRRList, zone: DNSName,
                       what: String, at now: Date, exactLabels: Bool = false) -> Check {
        var summaries: [SignatureSummary] = []
        var failures: [(rank: Int, text: String)] = []
        for signature in signatures.records {
            let fields = signature.signature
            let inception = SerialTime.date(fields.inception, near: now)
            let expiration = SerialTime.date(fields.expiration, near: now)
            let candidates = keys.filter {
                let key = $0.key
                return key.tag == fields.tag && key.algorithm == fields.algorithm
            }
            // rank: which failure names the RRset's (0 first); window: the signature itself is sound.
            let result: (rank: Int, text: String)?
            var window = false
            if candidates.isEmpty {
                result = (3, "no DNSKEY in \(zone.text) matches the RRSIG over \(what) (key tag \(fields.tag), algorithm \(fields.algorithm))")
            } else if !DNSSECAlgorithms.validates(fields.algorithm) {
                result = (2, "RRSIG over \(what) uses algorithm \(fields.algorithm), which is not validated (RFC 8624)")
            } else if let owner = rrset.records.first.map({ $0.owner }), Int(fields.labels) > owner.labelCount {
                result = (2, "RRSIG over \(what) claims \(fields.labels) labels, more than its owner has")
            } else if exactLabels, let owner = rrset.records.first.map({ $0.owner }),
                      Int(fields.labels) != owner.rrsigLabelCount {
                result = (2, "RRSIG over \(what) is a wildcard expansion: a denial record cannot be")
            } else {
                let status = ldns_verify_rrsig_keylist_notime(rrset.pointer, signature.pointer, candidates.pointer, nil)
                if !LDNSStatus.isSuccess(status) {
                    result = (1, "signature over \(what) does not verify with key \(fields.tag) (\(LDNSStatus.message(status)))")
                } else if now > expiration {
                    result = (0, "RRSIG over \(what) expired \(TimeFormat.timestamp(expiration))")
                    window = true
                } else if now < inception {
                    result = (0, "RRSIG over \(what) is not valid before \(TimeFormat.timestamp(inception))")
                    window = true
                } else {
                    result = nil
                }
            }
            summaries.append(SignatureSummary(covered: fields.covered, algorithm: fields.algorithm,
                                              keyTag: fields.tag, signer: fields.signer, labels: fields.labels, inception: inception,
                                              expiration: expiration, result: result.map { window ? .outsideValidity($0.text) : .invalid($0.text) } ?? .valid))
            if let result { failures.append(result) }
        }
        if summaries.contains(where: \.result.isValid) {
            return Check(valid: true, failure: nil, summaries: summaries)
        }
        let failure = failures.min { $0.rank < $1.rank }?.text ?? "no RRSIG over \(what)"
        return Check(valid: false, failure: failure, summaries: summaries)
    }
}
