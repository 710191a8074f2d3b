import Foundation

/// Remembers which resolvers failed to answer during a run, so later queries try the ones that
/// answer first instead of waiting out the same timeout again, and which do not validate, so
/// that a validating resolver is asked before them.
final class ServerHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: Set<ResolverAddress> = []
    private var demoted: Set<ResolverAddress> = []

    /// The servers in configured order: answering validators first, then answering resolvers
    /// that do not validate, then those that failed.
    func ordered(_ servers: [ResolverAddress]) -> [ResolverAddress] {
        let (failed, demoted) = lock.withLock { (self.failed, self.demoted) }
        let answering = servers.filter { !failed.contains($0) }
        return answering.filter { !demoted.contains($0) } + answering.filter { demoted.contains($0) }
            + servers.filter { failed.contains($0) }
    }

    func demote(_ servers: [ResolverAddress]) {
        lock.withLock { demoted.formUnion(servers) }
    }

    func record(_ server: ResolverAddress, answered: Bool) {
        lock.withLock {
            if answered { failed.remove(server) } else { failed.insert(server) }
        }
    }
}
