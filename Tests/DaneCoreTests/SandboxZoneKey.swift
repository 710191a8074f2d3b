import CLDNS
import Foundation
import TestSupport
@testable import DaneCore

/// A private key of a zone of the running sandbox (.sandbox/keys, made at its start), to sign
/// what an attacker holding it could sign: ldns does the signing. The key may be published under
/// another owner name (an attacker's key at the victim's apex) and with other flags.
final class SandboxZoneKey {
    private let keys: UnsafeMutablePointer<ldns_key_list>
    /// The key as a DNSKEY record (zone-file line).
    let dnskey: String
    let tag: UInt16

    static let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["DANECHECK_SANDBOX_DIR"]
                               ?? PackageRoot.path(".sandbox")).appendingPathComponent("keys")

    /// The one key file of `zone` (e.g. "n.proof.test."), published at `owner` (default: the zone).
    init(zone: String, owner: String? = nil, flags: UInt16 = 257) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasPrefix("K\(zone)+") && $0.hasSuffix(".private") }
        guard files.count == 1, let file = fopen(Self.directory.appendingPathComponent(files[0]).path, "r") else {
            throw KeyError.notOne(zone, files)
        }
        defer { fclose(file) }
        var key: UnsafeMutablePointer<ldns_key>?
        guard ldns_key_new_frm_fp(&key, file) == LDNS_STATUS_OK, let key else { throw KeyError.unreadable(files[0]) }
        ldns_key_set_pubkey_owner(key, ldns_dname_new_frm_str(owner ?? zone))
        ldns_key_set_flags(key, flags)
        ldns_key_set_inception(key, UInt32(Date().timeIntervalSince1970 - 86_400))
        ldns_key_set_expiration(key, 2_114_380_800)  // 2037-01-01: ldns mis-validates dates after 2038
        guard let record = ldns_key2rr(key) else { throw KeyError.unreadable(files[0]) }
        defer { ldns_rr_free(record) }
        tag = ldns_calc_keytag(record)
        ldns_key_set_keytag(key, tag)
        dnskey = LDNSRRList.text(record)
        keys = ldns_key_list_new()
        _ = ldns_key_list_push_key(keys, key)
    }

    deinit { ldns_key_list_free(keys) }

    /// The RRSIG over one RRset (zone-file lines), as a zone-file line.
    func sign(_ rrset: [String]) throws -> String {
        let list = try LDNSRRList(parsing: rrset)
        guard let signatures = ldns_sign_public(list.pointer, keys) else { throw KeyError.unsigned(rrset.first ?? "") }
        defer { ldns_rr_list_deep_free(signatures) }
        guard ldns_rr_list_rr_count(signatures) == 1, let rrsig = ldns_rr_list_rr(signatures, 0) else { throw KeyError.unsigned(rrset.first ?? "") }
        return LDNSRRList.text(rrsig)
    }

    enum KeyError: Error {
        case notOne(String, [String])
        case unreadable(String)
        case unsigned(String)
    }
}
