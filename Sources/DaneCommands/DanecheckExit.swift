import ArgumentParser
import DaneCore

/// Exit codes shared by every command (documented in `--help`, the man page and README).
public enum DanecheckExit {
    /// The report was produced.
    public static let ok = ExitCode(0)
    /// Mail would be deferred: `probe` some address defers, `domain --probe` every MX host does.
    public static let deferred = ExitCode(1)
    /// Usage or input error.
    public static let usage = ExitCode(2)
    /// Indeterminate: a resolver was unreachable or a lookup timed out.
    public static let indeterminate = ExitCode(3)
    /// The domain does not exist or accepts no mail (NXDOMAIN, null MX).
    public static let noMail = ExitCode(4)

    public static func code(for exitClass: ExitClass) -> ExitCode {
        switch exitClass {
        case .ok: ok
        case .deferred: deferred
        case .indeterminate: indeterminate
        case .noMail: noMail
        }
    }

    /// The EXIT STATUS text shown in `--help` and the man page.
    public static let summary = """
        EXIT STATUS
          0  report produced (bogus lookups are shown in it)
          1  mail would be deferred (probe: an address defers; domain --probe:
             every MX host defers)
          2  usage or input error
          3  indeterminate: resolver unreachable, DNS timeout, unexplained SERVFAIL
          4  the domain does not exist or accepts no mail (NXDOMAIN, null MX,
             no MX and no address)
        """
}
