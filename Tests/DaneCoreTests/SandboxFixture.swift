import Foundation
import TestSupport
@testable import DaneCore

/// The sandbox's signed tree, recorded: every answer (asked with CD=1 of the non-validating
/// resolver) that the offline DNSSEC tests need, the trust anchors of that start of the sandbox
/// (the root's and test.'s, and the proof zones' anchors at odd places, sandbox/proofzones.sh),
/// and when it was recorded, for the test clock. `make fixtures` records it again.
///
/// Recording: with DANECHECK_RECORD_FIXTURES=FILE (and the sandbox up), `transport` asks the
/// live resolver instead and appends every exchange to FILE; the clock is the real one.
enum SandboxFixture {
    static let file = PackageRoot.path("Tests/Fixtures/sandbox-dnssec.json")
    static let recordTo = ProcessInfo.processInfo.environment["DANECHECK_RECORD_FIXTURES"]

    struct Recorded: Decodable {
        let recordedAt: Date
        /// Zone-file lines: the root's DS (the sandbox's anchor) and test.'s DS.
        let rootAnchor: String
        let testAnchor: String
        /// Zone-file lines of .sandbox/proof/anchors-nested and anchors-deep.
        let nestedAnchors: String
        let deepAnchors: String
        /// "name. TYPE +cd" → the response in wire format, base64.
        let answers: [String: String]
    }

    static let recorded: Recorded = {
        guard let data = FileManager.default.contents(atPath: file) else { fatalError("no fixture at \(file): run make fixtures") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(Recorded.self, from: data) } catch { fatalError("unreadable fixture \(file): \(error)") }
    }()

    /// The clock of the recording (signatures were valid then, and stay valid for these tests).
    static var now: @Sendable () -> Date {
        if recordTo != nil { return { Date() } }
        let at = recorded.recordedAt
        return { at }
    }

    static func anchors(_ line: KeyPath<Recorded, String>) throws -> [TrustAnchor] {
        if recordTo != nil {
            let paths: [KeyPath<Recorded, String>: String] = [
                \.rootAnchor: ".sandbox/keys/root.ds", \.testAnchor: ".sandbox/zones/test.ds",
                \.nestedAnchors: ".sandbox/proof/anchors-nested", \.deepAnchors: ".sandbox/proof/anchors-deep",
            ]
            return try TrustAnchorFile.load(PackageRoot.path(paths[line] ?? ""))
        }
        return try TrustAnchorFile.parse(recorded[keyPath: line], source: "fixture")
    }

    static var rootAnchors: [TrustAnchor] { get throws { try anchors(\.rootAnchor) } }
    static var testAnchors: [TrustAnchor] { get throws { try anchors(\.testAnchor) } }
    /// The root's anchor and those beside it (Unbound 127.53.2.1's).
    static var nestedAnchors: [TrustAnchor] { get throws { try rootAnchors + anchors(\.nestedAnchors) } }
    /// Anchors below the root only (Unbound 127.53.2.2's).
    static var deepAnchors: [TrustAnchor] { get throws { try anchors(\.deepAnchors) } }

    static var transport: any DNSTransport {
        guard let recordTo else { return FixtureTransport(answers: recorded.answers) }
        return RecordingTransport(inner: ResolverTransport(servers: [ResolverAddress(address: IPAddress("127.53.0.3")!)], timeout: 5),
                                  file: recordTo)
    }

    /// A validator over the recorded answers, on the recording's clock.
    static func validator(anchors: [TrustAnchor]? = nil, now: (@Sendable () -> Date)? = nil,
                          over transport: (any DNSTransport)? = nil) throws -> LocalValidator {
        LocalValidator(transport: transport ?? Self.transport, anchors: try anchors ?? rootAnchors, now: now ?? Self.now)
    }
}

/// Answers from the recording; a question it does not hold times out, as a silent server would.
struct FixtureTransport: DNSTransport {
    let answers: [String: String]
    static let server = ResolverAddress(address: IPAddress("127.53.0.3")!)

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        guard let encoded = answers[query.description], let wire = Data(base64Encoded: encoded),
              let packet = try? LDNSPacket(wire: Array(wire)) else {
            return DNSExchange(query: query, server: Self.server, outcome: .failure(.timeout(server: Self.server, seconds: 5)), milliseconds: 0)
        }
        return DNSExchange(query: query, server: Self.server, outcome: .response(packet.response), milliseconds: 0)
    }
}

/// Passes queries to the live resolver and appends each answer to a JSON Lines file.
struct RecordingTransport: DNSTransport {
    let inner: any DNSTransport
    let file: String
    private static let lock = NSLock()

    func exchange(_ query: DNSQuery) async -> DNSExchange {
        let exchange = await inner.exchange(query)
        if case .response(let response) = exchange.outcome, let wire = response.wire {
            let line = "{\"q\":\"\(query.description)\",\"wire\":\"\(Data(wire).base64EncodedString())\"}\n"
            Self.lock.withLock {
                if let handle = FileHandle(forWritingAtPath: file) ?? { _ = FileManager.default.createFile(atPath: file, contents: nil); return FileHandle(forWritingAtPath: file) }() {
                    handle.seekToEndOfFile()
                    handle.write(Data(line.utf8))
                    try? handle.close()
                }
            }
        }
        return exchange
    }
}
