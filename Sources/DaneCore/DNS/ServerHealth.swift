import Synchronization

/// Remembers which resolvers failed to answer during a run, so later queries try the ones that
/// answer first instead of waiting out the same timeout again, and which do not validate, so
/// that a validating resolver is asked before them.
final class ServerHealth: Sendable {
    private struct State {
        var failed: Set<ResolverAddress> = []
        var demoted: Set<ResolverAddress> = []
    }

    private let state = Mutex(State())

    /// The servers in configured order: answering validators first, then answering resolvers
    /// that do not validate, then those that failed.
    func ordered(_ servers: [ResolverAddress]) -> [ResolverAddress] {
        let (failed, demoted) = state.withLock { ($0.failed, $0.demoted) }
        let answering = servers.filter { !failed.contains($0) }
        return answering.filter { !demoted.contains($0) } + answering.filter { demoted.contains($0) }
            + servers.filter { failed.contains($0) }
    }

    func demote(_ servers: [ResolverAddress]) {
        state.withLock { $0.demoted.formUnion(servers) }
    }

    func record(_ server: ResolverAddress, answered: Bool) {
        state.withLock {
            if answered { $0.failed.remove(server) } else { $0.failed.insert(server) }
        }
    }
}
