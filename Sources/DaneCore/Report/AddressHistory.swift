import Foundation
import Synchronization

/// What the probes of one address add up to over a session, as Momentum's console keeps it:
/// decayed averages of the connect and delivery times, and when the last failure was.
public struct AddressStats: Sendable, Hashable {
    public var connectMilliseconds: Double?
    public var deliveryMilliseconds: Double?
    /// True when the latest probe of the address failed.
    public var failed: Bool
    public var lastFailure: Date?
    public var probes: Int
}

/// Per-address statistics accumulated across probes (the console keeps one for its session;
/// a one-shot command's holds just its own probes). Thread-safe.
public final class AddressHistory: Sendable {
    /// Weight of the newest probe in the decayed averages.
    public static let newestWeight = 0.5

    /// Port 25 only: the statistics Momentum's `domain` columns show (probes of other ports are
    /// not mixed in).
    private let stats = Mutex<[IPAddress: AddressStats]>([:])

    public init() {}

    public func record(_ probe: AddressProbe) {
        guard probe.port == 25, probe.attempted else { return }
        stats.withLock { stats in
            var entry = stats[probe.address] ?? AddressStats(failed: false, probes: 0)
            entry.connectMilliseconds = Self.decayed(entry.connectMilliseconds, probe.connectMilliseconds)
            entry.deliveryMilliseconds = Self.decayed(entry.deliveryMilliseconds, probe.deliveryMilliseconds)
            entry.failed = probe.failed
            if probe.failed { entry.lastFailure = probe.finishedAt }
            entry.probes += 1
            stats[probe.address] = entry
        }
    }

    public func record(_ reports: [HostProbeReport]) {
        reports.forEach { $0.addresses.forEach { record($0.probe) } }
    }

    public var snapshot: [IPAddress: AddressStats] { stats.withLock { $0 } }

    static func decayed(_ old: Double?, _ new: Double?) -> Double? {
        guard let new else { return old }
        guard let old else { return new }
        return old * (1 - newestWeight) + new * newestWeight
    }
}
