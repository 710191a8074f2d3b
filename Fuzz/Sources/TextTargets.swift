@testable import DaneCore

/// Parsers of text that comes from outside: HTTP bodies, TXT records, files users hand over.
enum TextTargets {
    static func httpResponse(_ bytes: [UInt8]) {
        if let response = try? HTTPResponseParser.parse(bytes) { _ = response.body.count }
    }

    static func mtaSTSRecord(_ bytes: [UInt8]) {
        let texts = FuzzTargets.text(bytes).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        _ = MTASTSRecord.select(texts)
        _ = texts.map(MTASTSRecord.text(ofPresentation:))
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

    static func dnsName(_ bytes: [UInt8]) {
        if let name = try? DNSName(validating: FuzzTargets.text(bytes)) {
            _ = name.tlsaName(port: 25)
            _ = name.parent
        }
    }
}
