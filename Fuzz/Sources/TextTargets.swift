@testable import DaneCore
@testable import DaneExporterConfig

/// Parsers of text that comes from outside: HTTP bodies, TXT records, files users hand over.
enum TextTargets {
    static func httpResponse(_ bytes: [UInt8]) {
        if let response = try? HTTPResponseParser.parse(bytes) { _ = response.body.count }
    }

    static func mtaSTSRecord(_ bytes: [UInt8]) {
        let texts = FuzzTargets.text(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        _ = MTASTSRecord.select(texts)
        // The bytes as a TXT record's character-strings (255 octets each), as from the wire.
        let record = RecordData.txt(stride(from: 0, to: bytes.count, by: 255).map { Array(bytes[$0..<min($0 + 255, bytes.count)]) })
        _ = record.txtText.map { MTASTSRecord.select([$0]) }
        _ = RecordPresentation.text(record)
    }

    static func mtaSTSPolicy(_ bytes: [UInt8]) {
        if case .success(let policy) = MTASTSPolicy.parse(FuzzTargets.text(bytes)) {
            _ = policy.allows(DNSName(dnsText: "mx.example.test"))
        }
    }

    static func tlsRPTRecord(_ bytes: [UInt8]) {
        _ = TLSRPTRecord.select(FuzzTargets.text(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    static func tlsaPresentation(_ bytes: [UInt8]) {
        let text = FuzzTargets.text(bytes)
        _ = try? TLSARecordParser.parse(text)
        _ = try? TLSARecordParser.parseFile(text)
    }

    static func trustAnchorFile(_ bytes: [UInt8]) {
        _ = try? TrustAnchorFile.parse(FuzzTargets.text(bytes), source: "fuzz")
    }

    /// Batch lines in the chunks reads give (the first byte decides their size).
    static func batchInput(_ bytes: [UInt8]) {
        var chunks = SMTPTargets.chunks(bytes).map(Array.init)
        var input = BatchInput()
        var reader = LineReader(read: { chunks.isEmpty ? nil : chunks.removeFirst() })
        while let item = reader.next() { _ = item }
        input.add(file: FuzzTargets.text(bytes), name: "fuzz")
        _ = input.domains.count + input.problems.count
    }

    /// Lines of `check --jsonl` as a shard gives them to `summary`, each merged.
    static func runSummary(_ bytes: [UInt8]) {
        var summary = RunSummary()
        for (index, line) in FuzzTargets.text(bytes).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            summary.add(line: String(line), source: "fuzz:\(index + 1)")
        }
        _ = summary.checks.count + summary.problems.count + summary.duplicates
    }

    /// The exporter's module file (YAML) read into each module's option words. (Checking the
    /// words is ArgumentParser's parse, half a second an input under the fuzzer's instrumentation:
    /// it is left to ModuleFileKeyTests.)
    static func moduleFile(_ bytes: [UInt8]) {
        if let modules = try? ModuleFile.words(FuzzTargets.text(bytes), source: "fuzz") { _ = modules.count }
    }

    static func dnsName(_ bytes: [UInt8]) {
        if let name = try? DNSName(validating: FuzzTargets.text(bytes)) {
            _ = name.tlsaName(port: 25)
            _ = name.parent
        }
    }
}
