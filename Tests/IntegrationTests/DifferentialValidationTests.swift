import DaneCore
import Foundation
import Testing

/// Local validation against a reference validator (the sandbox's validating Unbounds) on every
/// name of the proof-shape zones (sandbox/proofzones.sh: wildcards, NSEC3 opt-out spans, DNAME,
/// CNAME chains across signed, unsigned and opt-out zones, unsigned delegations, trust anchors at
/// odd places). Unbound's answer to each question (DO=1) is the oracle: AD → secure, SERVFAIL →
/// bogus, anything else insecure; `LocalValidator.chain` over the non-validating resolver, with
/// the same trust anchors, must say the same.
@Suite(.sandbox, .serialized)
struct DifferentialValidationTests {
    /// A validating Unbound and the anchors it was started with.
    struct Oracle: Sendable, CustomTestStringConvertible {
        let resolver: String
        let anchorFiles: [String]
        var testDescription: String { "\(resolver) (\(anchorFiles.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")))" }

        static let root = Sandbox.stateDirectory.appendingPathComponent("keys/root.ds").path
        static let nested = Sandbox.stateDirectory.appendingPathComponent("proof/anchors-nested").path
        static let deep = Sandbox.stateDirectory.appendingPathComponent("proof/anchors-deep").path
        static let all = [
            Oracle(resolver: Sandbox.validating, anchorFiles: [root]),
            Oracle(resolver: "127.53.2.1", anchorFiles: [root, nested]),
            Oracle(resolver: "127.53.2.2", anchorFiles: [deep]),
        ]

        func anchors() throws -> [TrustAnchor] { try anchorFiles.flatMap { try TrustAnchorFile.load($0) } }
    }

    /// What the reference validator said: its AD bit and rcode read as a status.
    static func reference(_ transport: ResolverTransport, _ query: DNSQuery) async -> String {
        let exchange = await transport.exchange(query)
        guard case .response(let response) = exchange.outcome else { return "no answer" }
        if response.rcode == .servFail { return SecurityStatus.bogus.rawValue }
        guard response.rcode == .noError || response.rcode == .nxDomain else { return "rcode \(response.rcode)" }
        return (response.authenticData ? SecurityStatus.secure : .insecure).rawValue
    }

    /// Every question, both ways, at most 16 at a time: "name TYPE: reference X, local Y (reason)"
    /// for each disagreement.
    static func disagreements(_ oracle: Oracle, _ questions: [DNSQuery]) async throws -> (asked: Int, statuses: Set<String>, differ: [String]) {
        let oracleTransport = ResolverTransport(servers: [try ResolverAddress(parsing: oracle.resolver)], timeout: 5)
        let validator = LocalValidator(transport: ResolverTransport(servers: [try ResolverAddress(parsing: Sandbox.nonValidating)], timeout: 5),
                                       anchors: try oracle.anchors())
        let results = await withTaskGroup(of: (DNSQuery, String, ChainReport).self) { group in
            var pending = questions[...]
            var results: [(DNSQuery, String, ChainReport)] = []
            func next() {
                guard let query = pending.popFirst() else { return }
                group.addTask {
                    async let expected = reference(oracleTransport, query)
                    async let local = validator.chain(query.name, query.type)
                    return (query, await expected, await local)
                }
            }
            for _ in 0..<16 { next() }
            for await result in group {
                results.append(result)
                next()
            }
            return results
        }
        let differ = results.filter { $0.1 != $0.2.status.rawValue }
            .map { "\($0.0.name.text) \($0.0.type): reference \($0.1), local \($0.2.status.rawValue) (\($0.2.reason ?? "-"))" }
            .sorted()
        return (results.count, Set(results.map(\.1)), differ)
    }

    @Test(arguments: Oracle.all)
    func localValidationGivesTheReferenceValidatorsStatusOnEveryProofShapeName(oracle: Oracle) async throws {
        let questions = try ProofQuestions.all()
        let owners = Set(try ProofQuestions.records().map(\.owner))
        #expect(owners.isSubset(of: Set(questions.map(\.name))), "every owner name of the proof zones is asked")
        let result = try await Self.disagreements(oracle, questions)
        #expect(result.asked == questions.count)
        #expect(result.statuses == ["secure", "insecure", "bogus"], "the shapes give every status")
        #expect(result.differ.isEmpty, "\(result.differ.count) of \(result.asked) differ:\n\(result.differ.joined(separator: "\n"))")
    }
}
