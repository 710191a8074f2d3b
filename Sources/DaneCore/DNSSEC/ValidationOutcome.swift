/// The result of validating one answer here: its status, why (for anything but secure), and
/// the chain of trust it rests on.
public struct ValidationOutcome: Sendable {
    public let status: SecurityStatus
    public let reason: String?
    public let steps: [ChainStep]

    public init(status: SecurityStatus, reason: String?, steps: [ChainStep]) {
        self.status = status
        self.reason = reason
        self.steps = steps
    }

    /// An answer made of several RRsets (a CNAME chain) is as strong as its weakest: bogus before
    /// indeterminate before insecure before secure; the steps of all are kept, each zone once.
    static func combine(_ parts: [ValidationOutcome]) -> ValidationOutcome {
        let order: [SecurityStatus] = [.bogus, .indeterminate, .insecure, .secure]
        let weakest = order.lazy.compactMap { status in parts.first { $0.status == status } }.first
        var seen = Set<String>()
        let steps = parts.flatMap(\.steps).filter { seen.insert("\($0.kind)\($0.name)\($0.type)").inserted }
        guard let weakest else { return ValidationOutcome(status: .indeterminate, reason: "nothing to validate", steps: steps) }
        return ValidationOutcome(status: weakest.status, reason: weakest.status == .secure ? nil : weakest.reason, steps: steps)
    }
}
