import ArgumentParser
import DaneCore
import DaneRender
import Foundation

/// `danecheck chain NAME [TYPE]`: the chain of trust from the anchor down to one RRset.
public struct ChainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Show the DNSSEC chain of trust from the trust anchor down to one RRset, validated here.",
        discussion: """
            Fetches TYPE at NAME with CD=1 through the resolver (which need not validate) and \
            validates it here with ldns, whatever --validation says: per zone from the anchor \
            down, the DS records (in the parent) and the signatures over them, the DNSKEYs \
            (key tag, algorithm, flags; "matched" for the links of the chain) and the RRSIGs \
            over the DNSKEY RRset with their validity windows; then the RRset itself, or the \
            NSEC/NSEC3 records that prove it absent. Every step is secure, insecure (an unsigned \
            delegation: no DS, or an NSEC3 opt-out span), bogus or indeterminate, with the \
            reason, e.g. "RRSIG over TLSA _25._tcp.mx.example.com expired \
            2026-10-01T00:00:00Z", "no DNSKEY in example.com matches DS key tag 12345", "DS \
            digest mismatch", "no NSEC3 proof for the absence of TLSA".

            TYPE defaults to TLSA for names that start with "_" (e.g. _25._tcp.mx.example.com) \
            and to MX otherwise.

            With --json, one JSON document: name, type, owner, status, result, reason, \
            records[], anchors[] {zone, record, source}, steps[] {kind (zone, data), name, \
            type, signer, status, reason, keys[] {kind (anchor, DS, DNSKEY), key_tag, \
            algorithm, flags, digest_type, matched}, signatures[] {covered, key_tag, algorithm, \
            signer, inception, expiration, result}}.

            With --format dot (or svg, png: drawn by Graphviz's dot), the chain as a graph in \
            DNSViz's colours: a frame per zone, DNSKEYs as ellipses (grey: SEP), DS records and \
            trust anchors as boxes in the zone above, the RRset as a rounded box at the bottom; \
            DS digest and RRSIG edges; secure teal, bogus red, insecure black, indeterminate \
            yellow, an expired (or not yet valid) signature purple, the failing edge labelled \
            with its reason; a legend.

            \(DanecheckExit.summary)
            """)

    @Argument(help: ArgumentHelp("The owner name, e.g. example.com, _25._tcp.mx.example.com or *.example.com (a wildcard owner, RFC 4592).",
                                 valueName: "name"))
    public var name: String

    @Argument(help: ArgumentHelp("The RR type: A, AAAA, CNAME, DNSKEY, DS, MX, NS, SOA, TLSA, TXT (default: TLSA for _ names, else MX).",
                                 valueName: "type"))
    public var type: String?

    @OptionGroup public var output: OutputOptions
    @OptionGroup public var graph: GraphOptions
    @OptionGroup public var resolverOptions: ResolverOptions

    /// The owner and type, parsed by `validate()`.
    public private(set) var owner = DNSName(dnsText: ".")
    public private(set) var recordType = RecordType.mx

    enum CodingKeys: String, CodingKey {
        case name, type, output, graph, resolverOptions
    }

    public init() {}

    public mutating func validate() throws {
        do { owner = try DNSName(validatingOwner: name) } catch { throw ValidationError(error.description) }
        if output.json && graph.format != nil { throw ValidationError("--json and --format exclude each other") }
        if let type {
            guard let found = RecordType(askable: type) else {
                let known = RecordType.askable.map(\.description).sorted().joined(separator: ", ")
                throw ValidationError("unknown record type \(BoundedText.quoted(type)) (one of \(known))")
            }
            recordType = found
        } else {
            recordType = name.hasPrefix("_") ? .tlsa : .mx
        }
        // `chain` always validates here: it needs anchors whatever --validation says.
        if resolverOptions.parsed.trustAnchors.isEmpty, let problem = resolverOptions.parsed.anchorProblem {
            throw ValidationError(problem)
        }
    }

    public func run() async throws {
        let configuration = resolverOptions.configuration()
        let validator = LocalValidator(transport: ResolverTransport(configuration: configuration), anchors: resolverOptions.parsed.trustAnchors)
        let report = await validator.chain(owner, recordType)
        try Task.checkCancellation()  // interrupted in the console: print nothing
        if let format = graph.format {
            try GraphvizRunner.output(ChainGraph.dot(report, now: Date()), format: format)
        } else if output.json {
            StandardOutput.json(try JSONOutput.encode(ChainJSON(report)))
        } else {
            StandardOutput.lines(ChainTextRenderer.lines(report))
        }
        switch report.status {
        case .secure, .insecure: break
        case .bogus: throw DanecheckExit.deferred
        case .indeterminate: throw DanecheckExit.indeterminate
        }
    }
}
