import DaneCore
import Foundation

/// `danecheck chain --format dot`: the chain of trust as a graph in DNSViz's visual language,
/// built from the same report `chain` prints and `chain --json` encodes. One frame per zone
/// (coloured by the zone step's status); DNSKEYs as ellipses (SEP keys filled grey, as DNSViz
/// does), DS records and trust anchors as boxes in the zone above the one they point into, the
/// RRset asked for (or the denial proving it absent) as a rounded box at the bottom; DS→DNSKEY
/// digest edges and RRSIG edges (from what is signed to the key that signed it), each coloured by
/// its status, the failing ones labelled with the reason. A legend. Drawn bottom to top as DNSViz
/// draws it: the anchor's zone at the top.
public enum ChainGraph {
    struct Node {
        let id: String
        let shape: String
        let style: String
        let fill: String
        let status: GraphStatus
        let label: String
    }

    struct Edge {
        let id: String
        let from: String
        let to: String
        let status: GraphStatus
        let style: String
        let label: String?
    }

    struct Cluster {
        let zone: DNSName
        var status: GraphStatus?
        var reason: String?
        var nodes: [Node] = []
    }

    /// The model before it is written: frames in the order met, their nodes, the edges.
    struct Model {
        var clusters: [Cluster] = []
        var edges: [Edge] = []
        var nodeIDs: Set<String> = []

        mutating func cluster(_ zone: DNSName) -> Int {
            if let index = clusters.firstIndex(where: { $0.zone == zone }) { return index }
            clusters.append(Cluster(zone: zone))
            return clusters.count - 1
        }

        mutating func add(_ node: Node, in zone: DNSName) {
            guard nodeIDs.insert(node.id).inserted else { return }
            clusters[cluster(zone)].nodes.append(node)
        }

        /// The node of a zone's key, or (not there) a dashed one as DNSViz draws a missing key.
        mutating func key(_ zone: DNSName, tag: UInt16, algorithm: UInt8) -> String {
            let id = ChainGraph.keyID(zone, tag: tag, algorithm: algorithm)
            if !nodeIDs.contains(id) {
                add(Node(id: id, shape: "ellipse", style: "dashed", fill: "#ffffff", status: .missing,
                         label: "DNSKEY\nalg=\(algorithm), id=\(tag)\n(not there)"), in: zone)
            }
            return id
        }
    }

    public static func dot(_ report: ChainReport, now: Date) -> String {
        var model = Model()
        for step in report.steps where step.kind == .zone { addZone(step, to: &model, now: now) }
        for (index, step) in report.steps.enumerated() where step.kind == .data { addData(step, index: index, to: &model, now: now) }
        return write(model, title: "Chain of trust for '\(report.name.text)' \(report.type): \(report.status.rawValue)"
                     + (report.status == .secure ? "" : report.reason.map { "\n" + DOTWriter.wrapped($0, width: 90) } ?? ""))
    }

    static func keyID(_ zone: DNSName, tag: UInt16, algorithm: UInt8) -> String { "DNSKEY|\(zone.absolute)|\(algorithm)|\(tag)" }

    /// A zone step: its keys in its frame, its DS records and their signatures in the frame of
    /// the zone that signed them (the parent), the digest and DNSKEY-signature edges.
    static func addZone(_ step: ChainStep, to model: inout Model, now: Date) {
        let zone = step.name, status = GraphStatus(step.status)
        let index = model.cluster(zone)
        model.clusters[index].status = status
        model.clusters[index].reason = step.reason
        let keys = step.keys.filter { $0.kind == .dnskey }
        for key in keys {
            let sep = (key.flags ?? 0) & 1 == 1
            model.add(Node(id: keyID(zone, tag: key.keyTag, algorithm: key.algorithm), shape: "ellipse", style: "filled",
                           fill: sep ? "lightgray" : "#ffffff", status: status,
                           label: "DNSKEY\nalg=\(key.algorithm), id=\(key.keyTag)\(sep ? "\nKSK (SEP)" : "")"), in: zone)
        }
        // DS records sit in the parent (the zone that signed them); an anchor in the zone itself.
        let parent = step.signer ?? zone.parent ?? zone
        var dsNodes: [String] = []
        for key in step.keys where key.kind != .dnskey {
            let anchor = key.kind == .anchor
            let id = anchor ? "anchor|\(zone.absolute)|\(key.recordType)|\(key.algorithm)|\(key.keyTag)|\(key.detail)"
                : "DS|\(zone.absolute)|\(key.algorithm)|\(key.keyTag)|\(key.detail)"
            let what = key.recordType == .ds ? "DS" : "DNSKEY"
            let detail = key.recordType == .ds ? "digest alg=\(key.detail)" : "flags=\(key.detail)"
            let nodeStatus: GraphStatus = key.matched ? .secure : status
            model.add(Node(id: id, shape: "box", style: anchor ? "filled,bold" : "filled", fill: "#ffffff", status: nodeStatus,
                           label: "\(anchor ? "trust anchor " : "")\(what) \(zone.text)\nalg=\(key.algorithm), id=\(key.keyTag)\n\(detail)"),
                      in: anchor ? zone : parent)
            if !anchor { dsNodes.append(id) }
            // The digest (or the anchor's key itself) pointing at the DNSKEY it names.
            if keys.contains(where: { $0.keyTag == key.keyTag && $0.algorithm == key.algorithm }) {
                model.edges.append(Edge(id: "digest|\(id)", from: keyID(zone, tag: key.keyTag, algorithm: key.algorithm), to: id,
                                        status: key.matched ? .secure : .bogus, style: key.matched ? "solid" : "dashed",
                                        label: key.matched ? nil : "\(what) does not match"))
            } else {
                let target = model.key(zone, tag: key.keyTag, algorithm: key.algorithm)
                model.edges.append(Edge(id: "digest|\(id)", from: target, to: id, status: .missing, style: "dashed", label: nil))
            }
        }
        for (number, signature) in step.signatures.enumerated() {
            let signer = model.key(signature.signer, tag: signature.keyTag, algorithm: signature.algorithm)
            let signed = signature.covered == .ds ? dsNodes
                : keys.map { keyID(zone, tag: $0.keyTag, algorithm: $0.algorithm) }
            let (edgeStatus, label) = signatureStatus(signature, signerStatus: signerStatus(signature.signer, in: model), now: now)
            for node in signed {
                model.edges.append(Edge(id: "RRSIG|\(node)|\(signer)|\(number)", from: node, to: signer, status: edgeStatus,
                                        style: "solid", label: label))
            }
        }
    }

    /// The RRset asked for, or a DS or denial met on the way: a rounded box in the frame of the
    /// zone that signed it, with an RRSIG edge to each signing key.
    static func addData(_ step: ChainStep, index: Int, to model: inout Model, now: Date) {
        let zone = step.signer ?? step.signatures.first?.signer ?? step.name
        let status = GraphStatus(step.status)
        let id = "RRset|\(step.name.absolute)|\(step.type)|\(index)"
        let denial = step.signatures.contains { $0.covered == .nsec || $0.covered == .nsec3 }
        var label = "\(step.name.text)/\(step.type)"
        if denial { label += "\n(proved absent: \(step.signatures.contains { $0.covered == .nsec3 } ? "NSEC3" : "NSEC"))" }
        if step.status != .secure { label += "\n\(step.status.rawValue)" + (step.reason.map { ": " + DOTWriter.wrapped($0) } ?? "") }
        model.add(Node(id: id, shape: "box", style: "rounded,filled", fill: "#ffffff", status: status, label: label), in: zone)
        for (number, signature) in step.signatures.enumerated() {
            let signer = model.key(signature.signer, tag: signature.keyTag, algorithm: signature.algorithm)
            let (edgeStatus, label) = signatureStatus(signature, signerStatus: signerStatus(signature.signer, in: model), now: now)
            model.edges.append(Edge(id: "RRSIG|\(id)|\(signer)|\(number)", from: id, to: signer, status: edgeStatus,
                                    style: "solid", label: label))
        }
    }

    /// The status of the zone whose key made a signature (insecure when that zone is not in the chain).
    static func signerStatus(_ zone: DNSName, in model: Model) -> GraphStatus {
        model.clusters.first { $0.zone == zone }?.status ?? .insecure
    }

    /// An RRSIG edge: a valid signature takes its signing zone's status (teal when secure);
    /// one outside its window is purple, labelled with the date; any other failure red, with the reason.
    static func signatureStatus(_ signature: SignatureSummary, signerStatus: GraphStatus, now: Date) -> (GraphStatus, String?) {
        switch signature.result {
        case .valid:
            return (signerStatus == .secure || signerStatus == .insecure ? signerStatus : .secure, nil)
        case .outsideValidity:
            let expired = now > signature.expiration
            let date = TimeFormat.timestamp(expired ? signature.expiration : signature.inception).prefix(10)
            return (.expired, expired ? "RRSIG expired \(date)" : "RRSIG not valid before \(date)")
        case .invalid(let reason):
            return (.bogus, DOTWriter.wrapped(reason, width: 40))
        }
    }

    static func write(_ model: Model, title: String) -> String {
        var dot = DOTWriter()
        dot.open("digraph chain")
        dot.line("graph " + DOTWriter.attributes(["rankdir": "BT", "compound": "true", "ranksep": "0.4", "fontname": "Helvetica",
                                                  "fontsize": "12", "labelloc": "t", "label": title]))
        dot.line("node " + DOTWriter.attributes(["penwidth": "1.5", "fontname": "Helvetica", "fontsize": "10"]))
        dot.line("edge " + DOTWriter.attributes(["penwidth": "1.5", "fontname": "Helvetica", "fontsize": "9", "dir": "back"]))
        for (index, cluster) in model.clusters.enumerated() {
            let status = cluster.status ?? .insecure
            dot.open("subgraph cluster_\(index)")
            var label = cluster.zone.absolute + (cluster.status.map { " (\($0.rawValue))" } ?? "")
            if let reason = cluster.reason, cluster.status != .secure { label += "\n" + DOTWriter.wrapped(reason, width: 60) }
            dot.line("graph " + DOTWriter.attributes(["id": "zone|\(cluster.zone.absolute)", "label": label, "labeljust": "l",
                                                      "color": status.color, "fontcolor": status.color, "penwidth": "1"]))
            for node in cluster.nodes {
                dot.line(DOTWriter.quoted(node.id) + " " + DOTWriter.attributes([
                    "id": node.id, "shape": node.shape, "style": node.style, "fillcolor": node.fill, "color": node.status.color,
                    "label": node.label, "class": node.status.rawValue]))
            }
            dot.close()
        }
        for edge in model.edges {
            var line = DOTWriter.quoted(edge.from) + " -> " + DOTWriter.quoted(edge.to) + " " + DOTWriter.attributes([
                "id": edge.id, "color": edge.status.color, "style": edge.style, "class": edge.status.rawValue])
            if let label = edge.label {
                line.removeLast()
                line += ", label=\(DOTWriter.quoted(label)), fontcolor=\(DOTWriter.quoted(edge.status.color))]"
            }
            dot.line(line)
        }
        legend(&dot)
        dot.close()
        return dot.text
    }

    /// The colours and shapes, as DNSViz's legend gives them.
    static func legend(_ dot: inout DOTWriter) {
        dot.open("subgraph cluster_legend")
        dot.line("graph " + DOTWriter.attributes(["id": "legend", "label": "Legend", "labeljust": "l", "color": "#999999", "style": "dashed"]))
        var rows = GraphStatus.allCases.map { status in
            "<TR><TD BGCOLOR=\"\(status.color)\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">\(status.legend)</TD></TR>"
        }
        rows += ["<TR><TD>◯</TD><TD ALIGN=\"LEFT\">DNSKEY (grey: KSK, SEP flag)</TD></TR>",
                 "<TR><TD>▭</TD><TD ALIGN=\"LEFT\">DS in the parent, trust anchor (bold), RRset (rounded)</TD></TR>",
                 "<TR><TD>→</TD><TD ALIGN=\"LEFT\">DS digest of a DNSKEY; RRSIG by a DNSKEY</TD></TR>"]
        dot.line("\"legend\" [shape=plaintext, fontsize=9, label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\">\(rows.joined())</TABLE>>]")
        dot.close()
    }
}
