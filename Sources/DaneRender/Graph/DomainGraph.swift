import DaneCore

/// `danecheck domain NAME --format dot`: the whole picture of a domain as one graph: the domain
/// and its MX RRset, each MX host (a frame, with its preference), its addresses and its TLSA
/// records; with --probe each address's verdict and reason, and an edge to the record OpenSSL
/// matched. Lookups are coloured by DNSSEC status and verdicts as `check` colours them in the
/// HTML report (teal authenticated, red defer, ...); the domain's verdict is the title.
public enum DomainGraph {
    public static func dot(_ report: DomainReport, check: DomainCheck?) -> String {
        var dot = DOTWriter()
        dot.open("digraph domain")
        var title = "\(report.domain.text)"
        if let check { title += ": \(check.verdict.verdict.rawValue)\(check.verdict.via.map { " via \($0.text)" } ?? "")\n" + DOTWriter.wrapped(check.outcome.reason.description, width: 90) }
        dot.line("graph " + DOTWriter.attributes(["rankdir": "LR", "fontname": "Helvetica", "fontsize": "12", "labelloc": "t",
                                                  "label": title, "nodesep": "0.2"]))
        dot.line("node " + DOTWriter.attributes(["penwidth": "1.5", "fontname": "Helvetica", "fontsize": "10", "style": "filled",
                                                 "fillcolor": "#ffffff"]))
        dot.line("edge " + DOTWriter.attributes(["penwidth": "1.2", "fontname": "Helvetica", "fontsize": "9"]))
        let mx = GraphStatus(report.mx.status)
        dot.line(DOTWriter.quoted("domain") + " " + DOTWriter.attributes([
            "id": "domain", "shape": "box", "color": mx.color, "class": mx.rawValue,
            "label": "\(report.domain.text)\nMX \(report.mx.status.rawValue)\(report.mx.failureReason.map { ": " + DOTWriter.wrapped($0, width: 40) } ?? "")"]))
        for (index, host) in report.hosts.enumerated() {
            let probe = check.flatMap { index < $0.hosts.count ? $0.hosts[index] : nil }
            let hostID = "host|\(index)"
            let addressStatus = host.addressLookups.map(\.status)
            let worst = addressStatus.first { $0 != .secure } ?? .secure
            dot.open("subgraph cluster_\(index)")
            dot.line("graph " + DOTWriter.attributes(["id": hostID, "label": "MX \(host.preference) \(host.name.text)", "labeljust": "l",
                                                      "color": GraphStatus(worst).color]))
            dot.line(DOTWriter.quoted(hostID) + " " + DOTWriter.attributes([
                "id": hostID + "|node", "shape": "box", "style": "rounded,filled", "color": GraphStatus(worst).color,
                "class": GraphStatus(worst).rawValue, "label": "\(host.name.text)\naddresses \(worst.rawValue)"]))
            // The TLSA records (from DNS), or why none were looked up.
            let tlsaStatus = host.tlsa.final.map { GraphStatus($0.status) } ?? .insecure
            var recordIDs: [String: String] = [:]
            if host.tlsa.entries.isEmpty {
                let text = host.tlsa.skipped ?? host.tlsa.final.map { "TLSA \($0.status.rawValue)" + ($0.failureReason.map { ": " + $0 } ?? ": none") } ?? "no TLSA lookup"
                dot.line(DOTWriter.quoted("\(hostID)|tlsa") + " " + DOTWriter.attributes([
                    "id": "\(hostID)|tlsa", "shape": "note", "color": tlsaStatus.color, "class": tlsaStatus.rawValue,
                    "label": DOTWriter.wrapped(text, width: 40)]))
                dot.line(DOTWriter.quoted(hostID) + " -> " + DOTWriter.quoted("\(hostID)|tlsa") + " [style=dotted]")
            }
            for (number, entry) in host.tlsa.entries.enumerated() {
                let id = "\(hostID)|tlsa|\(number)"
                recordIDs[entry.presentation] = id
                let short = entry.presentation.count > 24 ? String(entry.presentation.prefix(23)) + "…" : entry.presentation
                dot.line(DOTWriter.quoted(id) + " " + DOTWriter.attributes([
                    "id": id, "shape": "note", "color": tlsaStatus.color, "class": tlsaStatus.rawValue,
                    "label": "TLSA \(short)\(entry.usability.isUsable ? "" : "\n(unusable)")"]))
                dot.line(DOTWriter.quoted(hostID) + " -> " + DOTWriter.quoted(id) + " [style=dotted]")
            }
            for (number, address) in host.addresses.enumerated() {
                let id = "\(hostID)|address|\(number)"
                let verdict = probe?.addresses.first { $0.probe.address == address.address }
                var attributes: KeyValuePairs<String, String>
                if let verdict {
                    let color = ReportColors.of(verdict.verdict)
                    attributes = ["id": id, "shape": "ellipse", "color": color, "class": verdict.verdict.rawValue,
                                  "label": "\(address.address.text)\n\(verdict.verdict.rawValue)\n\(DOTWriter.wrapped(verdict.reason, width: 36))"]
                } else {
                    let status = GraphStatus(address.lookup.status)
                    attributes = ["id": id, "shape": "ellipse", "color": status.color, "class": status.rawValue,
                                  "label": "\(address.address.text)\n\(address.lookup.status.rawValue)"]
                }
                dot.line(DOTWriter.quoted(id) + " " + DOTWriter.attributes(attributes))
                dot.line(DOTWriter.quoted(hostID) + " -> " + DOTWriter.quoted(id))
                // The record OpenSSL matched for this address.
                if let verdict, let records = probe?.records {
                    for (mark, record) in zip(verdict.marks, records) {
                        guard case .matched(let depth) = mark, let target = recordIDs[record.description] else { continue }
                        dot.line(DOTWriter.quoted(id) + " -> " + DOTWriter.quoted(target) + " " + DOTWriter.attributes([
                            "id": "match|\(id)|\(target)", "color": GraphStatus.secure.color, "class": "matched",
                            "headlabel": "matched at depth \(depth)", "labelangle": "-70", "labeldistance": "5", "fontcolor": GraphStatus.secure.color, "constraint": "false"]))
                    }
                }
            }
            dot.close()
            dot.line(DOTWriter.quoted("domain") + " -> " + DOTWriter.quoted(hostID) + " " + DOTWriter.attributes([
                "label": "MX \(host.preference)", "color": mx.color]))
        }
        dot.close()
        return dot.text
    }
}
