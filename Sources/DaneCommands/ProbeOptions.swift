import ArgumentParser
import DaneCore

/// How SMTP probes introduce themselves, for every command that probes (probe, domain --probe,
/// check, tlsa create); the probers are made here, once for all of them.
public struct ProbeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Name to send with EHLO when probing (default: this machine's host name).", valueName: "name"))
    public var ehlo: String?

    @Option(name: .customLong("key-types"),
            help: ArgumentHelp("""
                Which of the server's certificates to judge: 'default' (the one a stock OpenSSL client \
                gets) or 'all' (beside it, one handshake offering only RSA and one only ECDSA \
                signature algorithms, for hosts under DANE or PKIX). The verdict follows the default \
                handshake; a certificate of another type that fails is a warning.
                """, valueName: "default|all"))
    public var keyTypes: KeyTypeSelection = .all

    public init() {}

    /// The SMTP prober: EHLO name, `--timeout` per phase, the `--debug smtp` trace.
    public func smtpProber(_ resolver: ResolverOptions) -> SMTPProber {
        SMTPProber(ehloName: ehlo ?? SMTPProber.defaultEHLOName, timeout: resolver.timeout, trace: resolver.smtpTrace)
    }

    /// A prober of every address of a host, with rollover health when `rollover` is given.
    public func hostProber(_ resolver: ResolverOptions, port: UInt16 = 25, rollover: RolloverSettings?) -> HostProber {
        HostProber(prober: smtpProber(resolver), port: port, rollover: rollover, keyTypes: keyTypes)
    }
}
