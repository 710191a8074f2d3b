import DaneCore
import TestSupport
import Foundation
import Testing

/// The sandbox started by `sandbox/sandbox.sh start` (the Makefile's `test` target does it and
/// sets DANECHECK_SANDBOX=1). Addresses match sandbox.sh.
enum Sandbox {
    static let enabled = ProcessInfo.processInfo.environment["DANECHECK_SANDBOX"] == "1"
    static let validating = "127.53.0.2"
    static let validatingIPv6 = "[::1]@5302"
    static let nonValidating = "127.53.0.3"
    static let silent = "127.53.0.5"
    /// `--timeout` of a run whose outcome is not a timeout: no step of a working sandbox peer
    /// comes near it, even with the whole suite on a 2-core CI machine (a TLS handshake there once
    /// took more than 2 s). Only a run of peers that never answer, or a run timed against its own
    /// control, takes a short one of its own. `timeoutSeconds` is the same for an in-process prober.
    static let timeoutSeconds: Double = 10
    static let timeout = String(Int(timeoutSeconds))

    /// Where sandbox.sh keeps its state (keys, certificates): .sandbox/ at the package root.
    static let stateDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["DANECHECK_SANDBOX_DIR"] { return URL(fileURLWithPath: dir) }
        return PackageRoot.url.appendingPathComponent(".sandbox")
    }()

    static func inspector(_ resolvers: [String] = [validating], timeout: Double = 5) throws -> DomainInspector {
        DomainInspector(configuration: ResolverConfiguration(
            servers: try resolvers.map { try ResolverAddress(parsing: $0) }, timeout: timeout))
    }

    static func report(_ domain: String, resolvers: [String] = [validating]) async throws -> DomainReport {
        try await inspector(resolvers).inspect(DNSName(validating: domain))
    }
}

/// Tests that need the sandbox's servers.
extension Trait where Self == ConditionTrait {
    static var sandbox: Self {
        .enabled(if: Sandbox.enabled, "needs the sandbox: run `make test` (sets DANECHECK_SANDBOX=1)")
    }

    /// Tests that compare runs over the real servers and so must not share the machine with the
    /// rest of the suite: `make test` runs them after it, alone (DANECHECK_ALONE=1, `make alone`).
    static var alone: Self {
        .enabled(if: ProcessInfo.processInfo.environment["DANECHECK_ALONE"] == "1",
                 "compares runs: DANECHECK_ALONE=1 (make test runs it after the suite, alone)")
    }

    /// Tests that stop and start the sandbox's servers: `make test` runs them last, alone
    /// (DANECHECK_FAULTS=1, `make faults`; scripts/run-group.sh checks that every one ran).
    static var faults: Self {
        .enabled(if: ProcessInfo.processInfo.environment["DANECHECK_FAULTS"] == "1",
                 "fault tests: DANECHECK_FAULTS=1 (make test runs them last)")
    }
}
