import CLDNS
import Dispatch
@testable import DaneCore
import Foundation

/// Local DNSSEC validation of attacker-chosen answers, with a fixed clock and trust anchor: the
/// input is DNS messages one after another, each after two octets of length (as over TCP); the
/// first answers the question validated, and every query the validator asks (DNSKEY, DS, CD=1)
/// is answered by the first message whose question it is, or not at all. Seeds: sandbox chains
/// (Fuzz/seed.py), whose root key is the anchor in Fuzz/validator-anchor.ds.
enum ValidatorTargets {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15: inside the seeds' RRSIG windows

    static let anchors: [TrustAnchor] = {
        let path = "Fuzz/validator-anchor.ds"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let anchors = try? TrustAnchorFile.parse(text, source: path) else {
            FileHandle.standardError.write(Data("validator: cannot read \(path) (run from the package root)\n".utf8))
            exit(2)
        }
        return anchors
    }()

    struct Transport: DNSTransport {
        let messages: [(question: (name: DNSName, type: RecordType), response: DNSResponse)]

        func exchange(_ query: DNSQuery) async -> DNSExchange {
            let found = messages.first { $0.question.name == query.name && $0.question.type == query.type }
            return DNSExchange(query: query, server: nil, outcome: found.map { .response($0.response) } ?? .failure(.noServers), milliseconds: 0)
        }
    }

    static func validator(_ bytes: [UInt8]) {
        var framing = TCPFraming()
        let packets = framing.append(bytes).compactMap { try? LDNSPacket(wire: $0) }
        guard let first = packets.first else { return }
        let messages = packets.map { packet in
            let question = DNSTargets.question(packet)
            return (question: (name: question.name, type: question.type), response: packet.response)
        }
        let question = DNSTargets.question(first)
        let validator = LocalValidator(transport: Transport(messages: messages), anchors: anchors, now: { now })
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome = await validator.validate(DNSQuery(name: question.name, type: question.type, checkingDisabled: true), first.response)
            _ = outcome.reason
            done.signal()
        }
        done.wait()
    }
}
