import Synchronization

/// The exporter's limits on probes: slots for all targets (`ProbeSlots`), and at most
/// `perTarget` checks of one target under one module at once (several Prometheus servers, or a
/// retrying client, scraping one domain must not multiply the connections to its MX hosts).
final class ProbeLimits: Sendable {
    let slots: ProbeSlots
    let perTarget: Int
    private let running = Mutex<[String: Int]>([:])

    init(slots: ProbeSlots, perTarget: Int) {
        self.slots = slots
        self.perTarget = perTarget
    }

    /// True with the target counted (give it back with `leave`); false when it is at its limit.
    func enter(_ key: String) -> Bool {
        running.withLock { counts in
            guard counts[key, default: 0] < perTarget else { return false }
            counts[key, default: 0] += 1
            return true
        }
    }

    func leave(_ key: String) {
        running.withLock { counts in
            let left = counts[key, default: 1] - 1
            counts[key] = left > 0 ? left : nil
        }
    }
}
