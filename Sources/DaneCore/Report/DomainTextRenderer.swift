import Foundation

/// Renders a `DomainReport` in the layout of the Momentum MTA's `domain` console command,
/// with one extra line, in the same voice, wherever Momentum has nothing to say.
public enum DomainTextRenderer {
    /// `probes`, when given, holds one probe report per host (same order), with each address's
    /// verdict. `history` holds what probes of each address add up to (decayed connect and
    /// delivery times, the last failure): the address lines then carry those times, `*` and
    /// "N.NNs since failure" on an address whose latest probe failed, and `=>` on the address
    /// the next connection would use.
    public static func render(_ report: DomainReport, probes: [HostProbeReport]? = nil,
                              history: [IPAddress: AddressStats] = [:], now: Date = Date()) -> String {
        lines(report, probes: probes, history: history, now: now).map(\.text).joined(separator: "\n") + "\n"
    }

    /// The report's lines, without line ends (remote text in them not yet escaped for a terminal).
    public static func lines(_ report: DomainReport, probes: [HostProbeReport]? = nil,
                             history: [IPAddress: AddressStats] = [:], now: Date = Date()) -> [StyledLine] {
        var lines = domainLines(report)
        let chosen = probes != nil ? probes.flatMap(chosenAddress)?.address : nextAddress(report, history)
        for (index, host) in report.hosts.enumerated() {
            lines += hostLines(host, probe: probes?[index], history: history, chosen: chosen, now: now)
        }
        // Beside a failed MX lookup, a failed TXT lookup only repeats the cause.
        if let mtaSTS = report.mtaSTS, !(report.kind == .failed && mtaSTS.txt.status.isFailure) {
            lines += MTASTSTextRenderer.lines(mtaSTS, now: now).map { StyledLine($0) }
        }
        if let tlsRPT = report.tlsRPT, !(report.kind == .failed && tlsRPT.txt.status.isFailure) {
            lines += TLSRPTTextRenderer.lines(tlsRPT).map { StyledLine($0) }
        }
        return lines
    }

    /// Without probes: the first address, in MX order, whose latest probe did not fail (an
    /// address never probed counts as usable), once any address has been probed.
    static func nextAddress(_ report: DomainReport, _ history: [IPAddress: AddressStats]) -> IPAddress? {
        let addresses = report.hosts.flatMap { $0.addresses.map(\.address) }
        guard addresses.contains(where: { history[$0] != nil }) else { return nil }
        return addresses.first { !(history[$0]?.failed ?? false) }
    }

    /// The address an MTA would deliver through: the first address that delivers, in MX order.
    static func chosenAddress(_ probes: [HostProbeReport]) -> AddressProbe? {
        probes.lazy.compactMap(\.deliveringAddress).first?.probe
    }

    static func flag(_ status: SecurityStatus) -> String { status == .secure ? " +dnssec" : "" }

    static func quoted(_ name: DNSName) -> String { "'\(name.text)'" }

    static func ttlPhrase(_ ttl: UInt32?) -> String {
        ttl.map { " and a TTL of \($0) seconds" } ?? ""
    }

    private static func domainLines(_ report: DomainReport) -> [StyledLine] {
        let mx = report.mx
        let name = quoted(report.domain)
        var lines: [StyledLine] = []
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
            if let warning = report.nullMXWarning { lines.append("  \(warning: "warning:") \(warning)") }
        case .nxDomain:
            lines.append("Domain \(name) does not exist (NXDOMAIN)\(flag(mx.status))")
            if let warning = report.untrustedDenial { lines.append("  \(warning: "warning:") \(warning)") }
        case .failed:
            lines.append("Domain \(name) MX lookup failed: \(mx.failureText)")
        }
        return lines
    }

    private static func hostLines(_ host: HostReport, probe: HostProbeReport?, history: [IPAddress: AddressStats],
                                  chosen: IPAddress?, now: Date) -> [StyledLine] {
        let secureFlag = host.isSecure ? " +dnssec" : ""
        var lines: [StyledLine] = ["  [\(host.preference) \(host.name.absolute) TTL:\(host.ttl.map(String.init) ?? "-")]\(secureFlag)"]
        if let canonical = host.canonicalName {
            if let cname = host.cnameLookup, cname.isSecure {
                lines.append("  CNAME \(host.name.absolute) -> \(canonical.absolute) (first hop +dnssec, the rest insecure)")
            } else {
                lines.append("  CNAME \(host.name.absolute) -> \(canonical.absolute)\(secureFlag)")
            }
        }
        let statuses = Set(host.addressLookups.filter { !$0.status.isFailure }.map(\.status))
        if statuses.count > 1 {
            // A and AAAA differ: show each, so a secure RRset keeps its flag (never merged).
            lines.append(StyledLine("  " + host.addressLookups.filter { !$0.status.isFailure }.map { lookup in
                "\(lookup.type) \(lookup.answer == .noData ? "NODATA" : "TTL:\(lookup.ttl.map(String.init) ?? "-")")\(flag(lookup.status))"
            }.joined(separator: ", ")))
        }
        for lookup in host.addressLookups where lookup.status.isFailure {
            lines.append("  \(lookup.type) lookup for \(host.name.absolute) failed: \(lookup.failureText)")
        }
        if host.addressLookups.allSatisfy(\.isDenial) {
            lines.append("  \(host.name.absolute) has no address records\(secureFlag)")
        }
        lines += tlsaLines(host.tlsa).map { StyledLine($0) }
        for (address, _) in host.addresses {
            let result = probe?.addresses.first(where: { $0.probe.address == address })
            let stats = history[address]
            let marker = address == chosen ? "=>" : (stats?.failed == true ? "* " : "  ")
            let con = TimeFormat.milliseconds(stats?.connectMilliseconds ?? 0)
            let dlv = TimeFormat.milliseconds(stats?.deliveryMilliseconds ?? 0)
            // "since failure" tells of a failure before this report: from an earlier command, or
            // an earlier probe than the one just made (which the verdict line below tells of).
            let since = stats.flatMap { $0.failed && (result == nil || $0.probes > 1) ? $0.lastFailure : nil }
                .map { String(format: " %.2fs since failure", now.timeIntervalSince($0)) } ?? ""
            let port = result?.probe.port ?? 25
            lines.append(" \(marker)     [\(address.text)]:\(port) \(address.family.label) (\(con) con \(dlv) dlv)\(since)")
            if let result { lines.append("          \(verdict: result.verdict): \(result.reason)") }
        }
        lines += (probe?.warnings ?? []).map { "  \(warning: "warning:") \($0.message)" }
        return lines
    }

    private static func tlsaLines(_ tlsa: TLSAReport) -> [String] {
        if let skipped = tlsa.skipped { return ["TLSA not looked up: \(skipped)"] }
        var lines = tlsa.note.map { ["  (\($0))"] } ?? []
        for lookup in tlsa.attempts {
            if !lookup.aliases.isEmpty {
                lines.append("TLSA \(quoted(lookup.name)) is a CNAME for \(quoted(lookup.owner))\(flag(lookup.status))")
            }
            switch lookup.answer {
            case .records:
                let ttl = lookup.ttl.map { "a TTL of \($0) seconds" } ?? "an unknown TTL"
                lines.append("TLSA \(quoted(lookup.owner)) has \(ttl)\(flag(lookup.status))")
                for entry in lookup.tlsaEntries {
                    let reason = entry.usability.reason.map { " (unusable: \($0))" } ?? ""
                    lines.append("  \(entry.presentation)\(reason)")
                }
                if lookup.status == .insecure {
                    lines.append("  TLSA RRset is insecure: DANE does not apply (RFC 7672 §2.2)")
                }
            case .noData, .nxDomain:
                lines.append("TLSA \(quoted(lookup.owner)) does not exist\(flag(lookup.status))")
            case .failed:
                lines.append("TLSA \(quoted(lookup.name)) lookup failed: \(lookup.failureText)")
            }
        }
        return lines
    }
}
