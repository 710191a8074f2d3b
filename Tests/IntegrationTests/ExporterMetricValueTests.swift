import Foundation
import Testing
import TestSupport

/// Every metric of a probe page, by value, for domains whose answers the sandbox fixes: the
/// verdict words and statuses one-hot, the record counts, each expiry against the certificate
/// or signature it describes (read with openssl, and from the date the sandbox signs with), the
/// phase times inside the check's own duration, and every rollover kind present.
@Suite(.sandbox) struct ExporterMetricValueTests {
    static let verdicts = ["authenticated", "verified", "trusted", "encrypted", "opportunistic", "defer", "undeliverable", "unknown"]
    static let statuses = ["secure", "insecure", "bogus", "indeterminate"]
    static let kinds = ["stale", "no-backup", "different-certificates", "expiring", "certificate-only", "public-ca-only",
                        "intermediate-ca-only", "key-type-unmatched"]
    /// The sandbox signs every zone with RRSIGs that expire at 2037-01-01T00:00:00Z (sandbox.sh).
    static let rrsigExpiry = Date(timeIntervalSince1970: 2_114_380_800)

    /// notAfter of the first certificate of a PEM file, through openssl.
    static func notAfter(_ pem: String) async throws -> Date {
        let path = Sandbox.stateDirectory.appendingPathComponent("smtp/pki/\(pem)").path
        let out = try await CLI.tool("/usr/bin/openssl", ["x509", "-in", path, "-noout", "-enddate", "-dateopt", "iso_8601"], input: "")
        let text = try #require(out.output.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines), "\(out.output)")
        return try #require(ISO8601DateFormatter().date(from: text.replacingOccurrences(of: " ", with: "T")), "\(text)")
    }

    static func expectOneHot(_ page: String, _ family: String, _ label: String, _ words: [String], _ one: String, extra: String = "") {
        for word in words {
            let series = "\(family){\(extra)\(label)=\"\(word)\"}"
            #expect(ExporterTests.value(page, series) == (word == one ? 1 : 0), "\(series)")
        }
    }

    @Test func theValuesOfAnAuthenticatedDomain() async throws {
        let exporter = try await ExporterTests.Exporter.start(ExporterTests.resolver)
        let before = Date()
        let page = try await ExporterTests.get("\(exporter.base)/probe?target=ee311.mx.dane.test").body
        let after = Date()
        let value = { (series: String) in ExporterTests.value(page, series) }
        #expect(value("probe_success") == 1)
        #expect(value("danecheck_authenticated") == 1)
        #expect(value("danecheck_probe_timed_out") == 0)
        Self.expectOneHot(page, "danecheck_verdict", "verdict", Self.verdicts, "authenticated")
        Self.expectOneHot(page, "danecheck_mx_dnssec_status", "status", Self.statuses, "secure")
        Self.expectOneHot(page, "danecheck_tlsa_dnssec_status", "status", Self.statuses, "secure", extra: "mx_host=\"ee311.dane.test\",")
        let host = "{mx_host=\"ee311.dane.test\"}", address = "{mx_host=\"ee311.dane.test\",address=\"127.0.10.1\"}"
        #expect(value("danecheck_tlsa_records\(host)") == 1)
        #expect(value("danecheck_tlsa_records_usable\(host)") == 1)
        #expect(value("danecheck_tlsa_records_matched\(host)") == 1)
        #expect(value("danecheck_address_authenticated\(address)") == 1)
        #expect(value("danecheck_address_delivers\(address)") == 1)
        let duration = try #require(value("probe_duration_seconds"))
        #expect(duration > 0 && duration <= after.timeIntervalSince(before))
        let connect = try #require(value("danecheck_probe_phase_seconds{mx_host=\"ee311.dane.test\",address=\"127.0.10.1\",phase=\"connect\"}"))
        let tls = try #require(value("danecheck_probe_phase_seconds{mx_host=\"ee311.dane.test\",address=\"127.0.10.1\",phase=\"tls\"}"))
        #expect(connect > 0 && connect < tls && tls < duration, "connect \(connect), tls \(tls), check \(duration)")
        let certificate = try await Self.notAfter("ee311.chain")
        let certificateSeconds = try #require(value("danecheck_certificate_expiry_seconds\(address)"))
        #expect(abs(certificateSeconds - certificate.timeIntervalSince(before)) <= after.timeIntervalSince(before) + 1)
        let rrsigSeconds = try #require(value("danecheck_rrsig_expiry_seconds"))
        #expect(abs(rrsigSeconds - Self.rrsigExpiry.timeIntervalSince(before)) <= after.timeIntervalSince(before) + 1)
        #expect(value("danecheck_trust_anchor_expiry_seconds\(address)") == nil, "DANE-EE: no trust anchor")
        Self.expectOneHot(page, "danecheck_rollover_warnings", "kind", Self.kinds, "no-backup")
    }

    /// DANE-TA over an intermediate: the anchor's expiry is the intermediate CA certificate's.
    @Test func theTrustAnchorOfADANETADomain() async throws {
        let exporter = try await ExporterTests.Exporter.start(ExporterTests.resolver)
        let before = Date()
        let page = try await ExporterTests.get("\(exporter.base)/probe?target=ta-inter.mx.dane.test").body
        let after = Date()
        let anchor = try #require(ExporterTests.value(page, "danecheck_trust_anchor_expiry_seconds{mx_host=\"ta-inter.dane.test\",address=\"127.0.10.10\"}"))
        let intermediate = try await Self.notAfter("inter.pem")
        #expect(abs(anchor - intermediate.timeIntervalSince(before)) <= after.timeIntervalSince(before) + 1)
    }

    /// A domain that defers on its DANE check: what differs from the authenticated one.
    @Test func theValuesOfADeferringDomain() async throws {
        let exporter = try await ExporterTests.Exporter.start(ExporterTests.resolver)
        let page = try await ExporterTests.get("\(exporter.base)/probe?target=wrongdigest.mx.dane.test").body
        let value = { (series: String) in ExporterTests.value(page, series) }
        let host = "{mx_host=\"wrongdigest.dane.test\"}", address = "{mx_host=\"wrongdigest.dane.test\",address=\"127.0.10.7\"}"
        #expect(value("probe_success") == 0)
        #expect(value("danecheck_authenticated") == 0)
        Self.expectOneHot(page, "danecheck_verdict", "verdict", Self.verdicts, "defer")
        #expect(value("danecheck_tlsa_records\(host)") == 1)
        #expect(value("danecheck_tlsa_records_usable\(host)") == 1)
        #expect(value("danecheck_tlsa_records_matched\(host)") == 0)
        #expect(value("danecheck_address_authenticated\(address)") == 0)
        #expect(value("danecheck_address_delivers\(address)") == 0)
        #expect(value("danecheck_rollover_warnings{kind=\"stale\"}") == 1)
    }
}
