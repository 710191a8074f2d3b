import DaneCore
import Foundation
import Prometheus

/// The metrics of one scrape of one domain (`/probe?target=DOMAIN`), from its check. Labels are
/// bounded: the MX host, the address, a verdict or status word, a warning kind; never free text.
/// The domain itself is the `instance` label Prometheus gives the target.
enum DomainMetrics {
    static let success = MetricFamily(name: "probe_success", help: "1 when mail for the domain is delivered (as blackbox_exporter's probe_success); with require_dane, delivered and authenticated", labels: [])
    static let duration = MetricFamily(name: "probe_duration_seconds", help: "Seconds the check of the domain took", labels: [])
    static let verdict = MetricFamily(name: "danecheck_verdict", help: "The domain's verdict: 1 for the current one, 0 for the others", labels: ["verdict"])
    static let authenticated = MetricFamily(name: "danecheck_authenticated", help: "1 when mail for the domain is delivered authenticated by DANE", labels: [])
    static let timedOut = MetricFamily(name: "danecheck_probe_timed_out", help: "1 when the check did not finish within the scrape timeout", labels: [])
    static let mxStatus = MetricFamily(name: "danecheck_mx_dnssec_status", help: "DNSSEC status of the MX lookup: 1 for the current one", labels: ["status"])
    static let tlsaStatus = MetricFamily(name: "danecheck_tlsa_dnssec_status", help: "DNSSEC status of each MX host's TLSA lookup: 1 for the current one (absent when not looked up)", labels: ["mx_host", "status"])
    static let tlsaRecords = MetricFamily(name: "danecheck_tlsa_records", help: "TLSA records of each MX host", labels: ["mx_host"])
    static let tlsaUsable = MetricFamily(name: "danecheck_tlsa_records_usable", help: "TLSA records of each MX host an SMTP client can use (RFC 7672 section 3.1)", labels: ["mx_host"])
    static let tlsaMatched = MetricFamily(name: "danecheck_tlsa_records_matched", help: "Usable TLSA records of each MX host that match a certificate some address presented", labels: ["mx_host"])
    static let addressAuthenticated = MetricFamily(name: "danecheck_address_authenticated", help: "1 when OpenSSL's DANE verification succeeded for the address", labels: ["mx_host", "address"])
    static let addressDelivers = MetricFamily(name: "danecheck_address_delivers", help: "1 when mail would leave the queue through the address", labels: ["mx_host", "address"])
    static let phase = MetricFamily(name: "danecheck_probe_phase_seconds", help: "Seconds to the TCP connection (connect) and to the end of the TLS handshake (tls)", labels: ["mx_host", "address", "phase"])
    static let certificateExpiry = MetricFamily(name: "danecheck_certificate_expiry_seconds", help: "Seconds until the server certificate an address presented expires (negative: expired)", labels: ["mx_host", "address"])
    static let anchorExpiry = MetricFamily(name: "danecheck_trust_anchor_expiry_seconds", help: "Seconds until the CA certificate a DANE-TA record matched expires", labels: ["mx_host", "address"])
    static let rrsigExpiry = MetricFamily(name: "danecheck_rrsig_expiry_seconds", help: "Seconds until the earliest RRSIG of the domain's MX, address and TLSA answers expires", labels: [])
    static let warnings = MetricFamily(name: "danecheck_rollover_warnings", help: "Rollover-health warnings of the domain's MX hosts, by kind", labels: ["kind"])
    static let findings = MetricFamily(name: "danecheck_findings", help: "Findings of the domain's assessment, by severity (notice, warning, critical)", labels: ["severity"])

    static let refused = MetricFamily(name: "danecheck_target_refused", help: "1 when the module refused the target: its MX hosts resolve to non-public addresses and allow_private_addresses is false (nothing was connected to)", labels: [])
    // blackbox_exporter's names and labels for the same facts, so its dashboards and alerts work.
    static let dnsLookup = MetricFamily(name: "probe_dns_lookup_time_seconds", help: "Seconds the DNS walk took: MX, address and TLSA lookups (as blackbox_exporter's)", labels: [])
    static let earliestExpiry = MetricFamily(name: "probe_ssl_earliest_cert_expiry", help: "Earliest notAfter (Unix time) among the certificates every address presented, verified or not (as blackbox_exporter's)", labels: [])
    static let tlsVersion = MetricFamily(name: "probe_tls_version_info", help: "TLS versions the addresses negotiated, 1 for each (as blackbox_exporter's)", labels: ["version"])
    static let ipProtocol = MetricFamily(name: "probe_ip_protocol", help: "IP version of the address mail goes through, 4 or 6 (as blackbox_exporter's)", labels: [])
    // The same per address, with what blackbox has no series for.
    static let addressTLS = MetricFamily(name: "danecheck_address_tls_version_info", help: "The TLS version each address negotiated", labels: ["mx_host", "address", "version"])
    static let addressKey = MetricFamily(name: "danecheck_address_certificate_key_info", help: "The key type of the server certificate each address presented (bits: of an RSA key, or the curve's)", labels: ["mx_host", "address", "type", "bits"])
    static let addressDANEMatch = MetricFamily(name: "danecheck_address_tlsa_match_depth", help: "Chain depth at which a TLSA record matched what the address presented (absent: none matched)", labels: ["mx_host", "address"])

    static let statuses: [SecurityStatus] = [.secure, .insecure, .bogus, .indeterminate]

    /// The page of an assessment (its policy says what success is).
    static func page(_ assessment: Assessment) -> String {
        let registry = PrometheusCollectorRegistry()
        let check = assessment.check
        let verdictWord = assessment.verdict
        let now = assessment.now
        success.set(assessment.succeeds ? 1 : 0, in: registry)
        duration.set(check.seconds, in: registry)
        timedOut.set(0, in: registry)
        refused.set(0, in: registry)
        if let dns = check.dnsSeconds { dnsLookup.set(dns, in: registry) }
        let sessions = check.hosts.flatMap(\.addresses).compactMap(\.probe.tls)
        if let earliest = sessions.flatMap({ $0.chain.compactMap(\.notAfter) }).min() {
            earliestExpiry.set(earliest.timeIntervalSince1970, in: registry)
        }
        for version in Set(sessions.map { Self.blackboxVersion($0.version) }).sorted() { tlsVersion.set(1, [version], in: registry) }
        if let address = check.deliveringAddress { ipProtocol.set(address.probe.address.family == .ipv4 ? 4 : 6, in: registry) }
        for word in Verdict.allCases { verdict.set(word == verdictWord ? 1 : 0, [word.rawValue], in: registry) }
        authenticated.set(verdictWord == .authenticated ? 1 : 0, in: registry)
        for status in statuses { mxStatus.set(check.report.mx.status == status ? 1 : 0, [status.rawValue], in: registry) }
        for (host, probe) in zip(check.report.hosts, check.hosts) {
            let name = host.name.text
            if let lookup = host.tlsa.final {
                for status in statuses { tlsaStatus.set(lookup.status == status ? 1 : 0, [name, status.rawValue], in: registry) }
            }
            let entries = host.tlsa.entries
            tlsaRecords.set(Double(entries.count), [name], in: registry)
            tlsaUsable.set(Double(entries.filter { $0.usability.isUsable }.count), [name], in: registry)
            let matched = probe.records.indices.filter { index in
                probe.addresses.contains { address in
                    guard address.marks.indices.contains(index) else { return false }
                    switch address.marks[index] {
                    case .matched, .alsoMatches: return true
                    default: return false
                    }
                }
            }
            tlsaMatched.set(Double(matched.count), [name], in: registry)
            for address in probe.addresses where address.probe.attempted {
                let labels = [name, address.probe.address.text]
                addressAuthenticated.set(address.verdict == .authenticated ? 1 : 0, labels, in: registry)
                addressDelivers.set(address.verdict.delivers ? 1 : 0, labels, in: registry)
                if let connect = address.probe.connectMilliseconds { phase.set(connect / 1000, labels + ["connect"], in: registry) }
                if let tls = address.probe.deliveryMilliseconds { phase.set(tls / 1000, labels + ["tls"], in: registry) }
                guard let session = address.probe.tls else { continue }
                // The certificate and TLS facts stay when verification failed (blackbox_exporter #1119).
                addressTLS.set(1, labels + [Self.blackboxVersion(session.version)], in: registry)
                if let type = session.keyType {
                    addressKey.set(1, labels + [type, session.keyBits.map(String.init) ?? ""], in: registry)
                }
                if let match = session.daneMatch { addressDANEMatch.set(Double(match.depth), labels, in: registry) }
                if let notAfter = session.chain.first?.notAfter {
                    certificateExpiry.set(notAfter.timeIntervalSince(now), labels, in: registry)
                }
                if let match = session.daneMatch, match.depth > 0, session.chain.indices.contains(match.depth),
                   let notAfter = session.chain[match.depth].notAfter {
                    anchorExpiry.set(notAfter.timeIntervalSince(now), labels, in: registry)
                }
            }
        }
        if let expiry = assessment.signatureExpiry { rrsigExpiry.set(expiry.timeIntervalSince(now), in: registry) }
        for kind in RolloverWarning.Kind.allCases.map(FindingKind.init) {
            warnings.set(Double(assessment.findings.filter { $0.kind == kind }.count), [kind.rawValue], in: registry)
        }
        for severity in Severity.allCases {
            findings.set(Double(assessment.findings.filter { $0.severity == severity }.count), [severity.rawValue], in: registry)
        }
        return registry.emitToString()
    }

    /// OpenSSL's version words as Go's crypto/tls names them (blackbox_exporter's label values).
    static func blackboxVersion(_ openSSL: String) -> String {
        switch openSSL {
        case "TLSv1": "TLS 1.0"
        case "TLSv1.1": "TLS 1.1"
        case "TLSv1.2": "TLS 1.2"
        case "TLSv1.3": "TLS 1.3"
        default: openSSL
        }
    }

    /// The page of a target the module refused after resolving it: nothing was connected to.
    static func refusedPage(seconds: Double) -> String {
        let registry = PrometheusCollectorRegistry()
        success.set(0, in: registry)
        duration.set(seconds, in: registry)
        timedOut.set(0, in: registry)
        refused.set(1, in: registry)
        return registry.emitToString()
    }

    /// The page when the check did not finish in time: nothing is known but that.
    static func timedOutPage(seconds: Double) -> String {
        let registry = PrometheusCollectorRegistry()
        success.set(0, in: registry)
        duration.set(seconds, in: registry)
        timedOut.set(1, in: registry)
        return registry.emitToString()
    }
}
