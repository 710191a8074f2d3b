import DaneCore
import Foundation

/// The questions the differential test asks about the proof-shape zones (sandbox/proofzones.sh):
/// every owner name of every generated zone with each type it holds and A, MX, TXT and DS
/// (TLSA for `_` names), and the names the shapes answer for without owning them: the empty
/// non-terminals above the owners, a name below each owner (NXDOMAIN, or below a delegation or
/// DNAME), two expansions of each wildcard (`x.` and `a.b.` in place of `*`), and names under
/// each DNAME.
enum ProofQuestions {
    static let owners = Sandbox.stateDirectory.appendingPathComponent("proof/owners")

    /// "owner TYPE" lines of every record of the proof zones.
    static func records() throws -> [(owner: DNSName, type: String)] {
        let text = try String(contentsOf: owners, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { return nil }
            return (DNSName(dnsText: String(fields[0])), String(fields[1]))
        }
    }

    static func all() throws -> [DNSQuery] {
        let records = try records()
        var typesAt: [DNSName: Set<String>] = [:]
        let top = DNSName(dnsText: "proof.test.")
        for record in records {
            typesAt[record.owner, default: []].insert(record.type)
            var above = record.owner.parent
            while let name = above, name.isSubdomain(of: top) {
                if typesAt[name] == nil { typesAt[name] = [] }
                above = name.parent
            }
        }
        var questions = Set<DNSQuery>()
        func ask(_ name: DNSName, _ types: Set<String>) {
            var asked = types.union(["A", "MX", "TXT", "DS"])
            if name.absolute.hasPrefix("_") { asked.insert("TLSA") }
            for type in asked.compactMap(RecordType.init(askable:)) {
                questions.insert(DNSQuery(name: name, type: type, checkingDisabled: false))
            }
        }
        for (owner, types) in typesAt {
            ask(owner, types)
            if owner.absolute.hasPrefix("*.") {
                let parent = owner.parent ?? owner
                ask(parent.prepending("x"), [])
                ask(parent.prepending("a.b"), [])
            } else {
                ask(owner.prepending("zz"), [])
            }
            if types.contains("DNAME") {
                for below in ["mx", "x.w", "txt"] { ask(owner.prepending(below), []) }
            }
        }
        return questions.sorted { ($0.name, $0.type) < ($1.name, $1.type) }
    }
}
