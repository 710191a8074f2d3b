import Foundation

/// Remembers which resolvers failed to answer during a run, so later queries try the ones that
/// answer first instead of waiting out the same timeout again.
final class ServerHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: Set<ResolverAddress> = []

    /// The servers in configured order, those that failed before moved to the back.
    func ordered(_ servers: [ResolverAddress]) -> [ResolverAddress] {
        let failed = lock.withLock { self.failed }
        return servers.filter { !failed.contains($0) } + servers.filter { failed.contains($0) }
    }

    func record(_ server: ResolverAddress, answered: Bool) {
        lock.withLock {
            if answered { failed.remove(server) } else { failed.insert(server) }
        }
    }
}
