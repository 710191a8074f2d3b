import Foundation

/// Every fuzz target by name: each feeds the bytes to one parser of outside input and lets it
/// fail as it likes; only a crash, a sanitizer report, a hang or a leak is a finding.
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "smtp-reply": SMTPTargets.reply,
        "smtp-dialogue": SMTPTargets.dialogue,
        "http-response": TextTargets.httpResponse,
        "mta-sts-txt": TextTargets.mtaSTSRecord,
        "mta-sts-policy": TextTargets.mtaSTSPolicy,
        "tlsrpt-txt": TextTargets.tlsRPTRecord,
        "tlsrpt-report": ReportTargets.tlsReport,
        "tlsa-text": TextTargets.tlsaPresentation,
        "trust-anchor": TextTargets.trustAnchorFile,
        "batch-input": TextTargets.batchInput,
        "dns-name": TextTargets.dnsName,
        "dns-response": DNSTargets.response,
        "tlsa-rdata": DNSTargets.tlsaRData,
        "denial-proof": DNSTargets.denialProof,
        "pem-chain": CertificateTargets.pemChain,
        "reply-check": WireTargets.replyCheck,
        "tcp-framing": WireTargets.tcpFraming,
        "validator": ValidatorTargets.validator,
        "run-summary": TextTargets.runSummary,
        "module-file": TextTargets.moduleFile,
    ]

    static let selected: @Sendable ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["DANECHECK_FUZZ_TARGET"] ?? ""
        guard let target = all[name] else {
            FileHandle.standardError.write(Data("DANECHECK_FUZZ_TARGET must be one of: \(all.keys.sorted().joined(separator: " "))\n".utf8))
            exit(2)
        }
        return target
    }()

    /// The bytes as text, as danecheck reads remote text (invalid UTF-8 repaired).
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
