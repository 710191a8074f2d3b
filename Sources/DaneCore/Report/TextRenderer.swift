/// Renders a `DomainReport` in the layout of the Momentum MTA's `domain` console command,
/// with one extra line, in the same voice, wherever Momentum has nothing to say.
public enum TextRenderer {
    public static func render(_ report: DomainReport) -> String {
        var lines = domainLines(report)
        for host in report.hosts { lines += hostLines(host) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func flag(_ status: SecurityStatus) -> String { status == .secure ? " +dnssec" : "" }

    static func quoted(_ name: DNSName) -> String { "'\(name.text)'" }

    static func ttlPhrase(_ ttl: UInt32?) -> String {
        ttl.map { " and a TTL of \($0) seconds" } ?? ""
    }

    static func failure(_ lookup: Lookup) -> String {
        "\(lookup.status.rawValue) (\(lookup.failureReason ?? "no answer"))"
    }

    private static func domainLines(_ report: DomainReport) -> [String] {
        let mx = report.mx
        let name = quoted(report.domain)
        var lines: [String] = []
        if !mx.aliases.isEmpty {
            lines.append("Domain \(name) is a CNAME for \(quoted(mx.owner))\(flag(mx.status))")
        }
        switch report.kind {
        case .mx:
            let count = report.hosts.count
            lines.append("Domain \(name) has \(count) MX\(count == 1 ? "" : "s")\(ttlPhrase(mx.ttl))\(flag(mx.status))")
        case .implicit:
            lines.append("Domain \(name) has no MX records\(ttlPhrase(mx.ttl)): it is its own mail host (implicit MX, RFC 7672 §2.2.2)\(flag(mx.status))")
        case .nullMX:
            lines.append("Domain \(name) has a null MX (RFC 7505)\(ttlPhrase(mx.ttl)): it accepts no mail\(flag(mx.status))")
        case .nxDomain:
            lines.append("Domain \(name) does not exist (NXDOMAIN)\(flag(mx.status))")
        case .failed:
            lines.append("Domain \(name) MX lookup failed: \(failure(mx))")
        }
        return lines
    }

    private static func hostLines(_ host: HostReport) -> [String] {
        let secureFlag = host.isSecure ? " +dnssec" : ""
        var lines = ["  [\(host.preference) \(host.name.absolute) TTL:\(host.ttl.map(String.init) ?? "-")]\(secureFlag)"]
        if let canonical = host.canonicalName {
            if let cname = host.cnameLookup, cname.isSecure {
                lines.append("  CNAME \(host.name.absolute) -> \(canonical.absolute) (first hop +dnssec, the rest insecure)")
            } else {
                lines.append("  CNAME \(host.name.absolute) -> \(canonical.absolute)\(secureFlag)")
            }
        }
        for lookup in host.addressLookups where lookup.status.isFailure {
            lines.append("  \(lookup.type) lookup for \(host.name.absolute) failed: \(failure(lookup))")
        }
        if host.addressLookups.allSatisfy(\.isDenial) {
            lines.append("  \(host.name.absolute) has no address records\(secureFlag)")
        }
        lines += tlsaLines(host.tlsa)
        for (address, _) in host.addresses {
            lines.append("        [\(address.text)]:25 \(address.family.label) (0.00ms con 0.00ms dlv)")
        }
        return lines
    }

    private static func tlsaLines(_ tlsa: TLSAReport) -> [String] {
        if let skipped = tlsa.skipped { return ["TLSA not looked up: \(skipped)"] }
        var lines: [String] = []
        for lookup in tlsa.attempts {
            if !lookup.aliases.isEmpty {
                lines.append("TLSA \(quoted(lookup.name)) is a CNAME for \(quoted(lookup.owner))\(flag(lookup.status))")
            }
            switch lookup.answer {
            case .records:
                let ttl = lookup.ttl.map { "a TTL of \($0) seconds" } ?? "an unknown TTL"
                lines.append("TLSA \(quoted(lookup.owner)) has \(ttl)\(flag(lookup.status))")
                for record in lookup.tlsaRecords.sorted(by: TLSARecord.presentationOrder).map(TLSAEntry.init) {
                    let reason = record.usability.reason.map { " (unusable: \($0))" } ?? ""
                    lines.append("  \(record.record)\(reason)")
                }
                if lookup.status == .insecure {
                    lines.append("  TLSA RRset is insecure: DANE does not apply (RFC 7672 §2.2)")
                }
            case .noData, .nxDomain:
                lines.append("TLSA \(quoted(lookup.owner)) does not exist\(flag(lookup.status))")
            case .failed:
                lines.append("TLSA \(quoted(lookup.name)) lookup failed: \(failure(lookup))")
            }
        }
        return lines
    }
}
