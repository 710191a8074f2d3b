import ArgumentParser
import DaneCore

/// The exit codes, one table for every command: `--help` shows it, scripts/docs.sh turns it into
/// the man page's EXIT STATUS section, README quotes it, and a test runs every command over the
/// sandbox cases against it. What ends a run is decided in the core (`ExitClass`).
public enum DanecheckExit {
    /// Mail is delivered (the report was produced; bogus lookups are shown in it).
    public static let ok = ExitCode(0)
    /// Mail would be deferred.
    public static let deferred = ExitCode(1)
    /// Usage or input error.
    public static let usage = ExitCode(2)
    /// Indeterminate: a DNS lookup got no answer, or the resolver does not validate.
    public static let indeterminate = ExitCode(3)
    /// No mail: the domain or host does not exist or accepts none (NXDOMAIN, null MX, no address).
    public static let noMail = ExitCode(4)

    /// How a batch ends: its outcome as an exit code.
    public static func code(for outcome: RunOutcome) -> ExitCode {
        switch outcome {
        case .usage: usage
        case .ended(let exitClass): code(for: exitClass)
        }
    }

    public static func code(for exitClass: ExitClass) -> ExitCode {
        switch exitClass {
        case .ok: ok
        case .deferred: deferred
        case .indeterminate: indeterminate
        case .noMail: noMail
        }
    }

    /// The table in `--help` of every command (and, through scripts/docs.sh, the man page).
    public static let summary = """
        EXIT STATUS (every command)
          0  mail is delivered; chain: the answer is secure or provably
             insecure; tlsa create: the records were printed
          1  mail would be deferred: a DANE or TLS failure, a bogus lookup;
             probe: an address defers; chain: bogus; tlsa create: a record
             would not verify; check --require-dane: a domain is not
             authenticated; check --strict: a finding of severity warning or
             critical (FINDINGS)
          2  usage or input error (a malformed TLSA record given included)
          3  indeterminate: a DNS lookup got no answer (resolver unreachable,
             DNS timeout, unexplained SERVFAIL), the resolver does not
             validate DNSSEC (every status unknown) or its NXDOMAIN cannot be
             trusted; check: outbound port 25 looks blocked here (no
             connection was made; domains with unrelated MX hosts failed)
          4  no mail: the domain or host does not exist (NXDOMAIN), null MX,
             no address
          check: the first that applies, in the order 2, 3, 4, 1.
        """
}
