/// What counts as success for a domain, beyond what an MTA does with its mail: the gates of a
/// CI job (`--require-dane`, `--strict`) and the thresholds of monitoring. One value, given to
/// the assessor; every face reads the answer off the assessment.
public struct AssessmentPolicy: Sendable, Hashable {
    /// A delivered domain that is not authenticated by DANE fails.
    public var requireDANE: Bool
    /// A finding of severity warning or more fails.
    public var strict: Bool
    /// Days before a certificate's expiry that warn (rollover `expiring`).
    public var certificateDays: Double
    /// Days before an RRSIG's expiry that warn.
    public var signatureDays: Double

    public static let defaultSignatureDays = 3.0

    public init(requireDANE: Bool = false, strict: Bool = false, certificateDays: Double = Double(RolloverSettings.defaultWarnDays),
                signatureDays: Double = defaultSignatureDays) {
        self.requireDANE = requireDANE
        self.strict = strict
        self.certificateDays = certificateDays
        self.signatureDays = signatureDays
    }

    /// The one formula for "DANE required": mail delivered (the class is ok and the verdict a
    /// delivering one) and, when required, authenticated.
    public func succeeds(_ verdict: Verdict, _ exitClass: ExitClass) -> Bool {
        exitClass == .ok && verdict.delivers && (!requireDANE || verdict == .authenticated)
    }

    /// How a run ends for a domain under this policy: its class; a domain that delivers but
    /// fails a gate (not authenticated under --require-dane, a warning under --strict) defers.
    public func gatedClass(_ verdict: Verdict, _ exitClass: ExitClass, worst: Severity?) -> ExitClass {
        failedGate(verdict, exitClass, worst: worst) == nil ? exitClass : .deferred
    }

    /// The gates of a CI job.
    public enum Gate: String, Sendable, Hashable {
        case requireDANE = "--require-dane"
        case strict = "--strict"
    }

    /// The gate that fails a domain whose class is ok by itself (nil: none does).
    public func failedGate(_ verdict: Verdict, _ exitClass: ExitClass, worst: Severity?) -> Gate? {
        guard exitClass == .ok else { return nil }
        if requireDANE, verdict != .authenticated { return .requireDANE }
        if strict, let worst, worst >= .warning { return .strict }
        return nil
    }
}
