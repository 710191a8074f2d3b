import Synchronization

/// The receiver's own counts since start: reports accepted by channel and outcome, refused by reason.
final class TLSRPTCounters: Sendable {
    private let state = Mutex((accepted: [String: Int](), rejected: [String: Int]()))

    func accepted(_ channel: String, _ outcome: String) { state.withLock { $0.accepted["\(channel) \(outcome)", default: 0] += 1 } }
    func rejected(_ reason: String) { state.withLock { $0.rejected[reason, default: 0] += 1 } }
    var snapshot: (accepted: [String: Int], rejected: [String: Int]) { state.withLock { ($0.accepted, $0.rejected) } }
}
