/// RFC 7672 §2.2 and §3.1: which TLSA records an SMTP client may use.
///
/// > TLSA records with a certificate usage of PKIX-TA(0) or PKIX-EE(1) SHOULD NOT be published
/// > for SMTP and ... MUST be treated as "unusable" by SMTP clients (RFC 7672 §3.1.3).
///
/// > A TLSA RRset is "usable" if it contains at least one TLSA record whose certificate usage,
/// > selector and matching type are all supported, and whose certificate association data is
/// > well formed (RFC 7672 §2.2, with RFC 6698 §2.1 for the field values).
///
/// Digest lengths follow RFC 6234 (SHA2-256: 32 octets, SHA2-512: 64 octets); full data
/// (matching type 0) must be a DER certificate (selector 0) or SubjectPublicKeyInfo (selector 1),
/// which OpenSSL decodes for us.
public enum SMTPTLSAUsabilityRule {
    /// Why a record's data does not fit its own matching type and selector (a digest of the wrong
    /// length, no data, full data that is not DER): a typing error when a user gives the record,
    /// unlike a usage an SMTP client does not use. Nil for well-formed data or unknown parameters.
    public static func malformation(_ record: TLSARecord) -> String? {
        guard record.selector <= 1, record.matchingType <= 2, case .unusable(let reason) = evaluate(TLSARecord(
            usage: 3, selector: record.selector, matchingType: record.matchingType, data: record.data)) else { return nil }
        return reason
    }

    public static func evaluate(_ record: TLSARecord) -> TLSAUsability {
        switch record.usage {
        case 0, 1:
            return .unusable(reason: "\(record.usageName), RFC 7672 §3.1.3")
        case 2, 3:
            break
        default:
            return .unusable(reason: "unknown certificate usage \(record.usage)")
        }
        guard record.selector <= 1 else {
            return .unusable(reason: "unknown selector \(record.selector)")
        }
        switch record.matchingType {
        case 0:
            if record.data.isEmpty { return .unusable(reason: "empty certificate association data") }
            let decodes = record.selector == 0
                ? DERDecoder.isCertificate(record.data)
                : DERDecoder.isSubjectPublicKeyInfo(record.data)
            if !decodes {
                let what = record.selector == 0 ? "a DER certificate" : "a DER SubjectPublicKeyInfo"
                return .unusable(reason: "Full data is not \(what)")
            }
        case 1, 2:
            let expected = record.matchingType == 1 ? 32 : 64
            if record.data.count != expected {
                return .unusable(reason: "\(record.matchingTypeName) digest must be \(expected) octets, got \(record.data.count)")
            }
        default:
            return .unusable(reason: "unknown matching type \(record.matchingType)")
        }
        return .usable
    }
}
