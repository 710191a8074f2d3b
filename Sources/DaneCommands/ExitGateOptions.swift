import ArgumentParser
import DaneCore

/// What makes a batch fail beyond its verdicts, for `check` and for `summary` (which must end a
/// merged run as the single run would have ended): the gates of the assessment policy.
public struct ExitGateOptions: ParsableArguments {
    @Flag(help: "Exit 1 unless every deliverable domain is authenticated by DANE.")
    public var requireDANE = false

    @Flag(help: "Exit 1 when any finding of severity warning or critical is found (stale records, no backup record, expiring certificates, a bogus lookup, ...).")
    public var strict = false

    public init() {}

    /// The assessment policy with these gates and the monitoring thresholds.
    public func policy(certificateDays: Int = RolloverSettings.defaultWarnDays,
                       signatureDays: Double = AssessmentPolicy.defaultSignatureDays) -> AssessmentPolicy {
        AssessmentPolicy(requireDANE: requireDANE, strict: strict, certificateDays: Double(certificateDays), signatureDays: signatureDays)
    }
}
