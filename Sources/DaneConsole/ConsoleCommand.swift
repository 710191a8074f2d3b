import ArgumentParser
import DaneCommands
import Foundation

/// `danecheck console` (or `danecheck` alone on a terminal): the Momentum-style console.
public struct ConsoleCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Interactive console: the same commands, one TTL-honouring cache, history and completion.",
        discussion: """
            Every command of the command line (domain, probe, check, chain, tlsa create) with the same options, plus \
            dig DOMAIN, refresh domain NAME|all (all empties the cache), dns_cache lookup|submit \
            NAME TYPE (TLSA owners such as _25._tcp.mx.example.test allowed), mta_sts show domain \
            NAME | refresh policy NAME | list all (MTA-STS policies, cached for the session), dns_cache \
            stats|list, set KEY VALUE (resolver, timeout, validation, trust_anchor, use_dane, \
            enable_dane, tls, tls_verify, insecure_mx, mta_sts, ca_file, tlsa_expire_interval), show settings, debug dane|dns|smtp|tls on|off, \
            help [COMMAND], quit or exit. Answers are cached while their TTL lasts: a second \
            "domain X" is answered from the cache with the TTL left. On a terminal: emacs keys, \
            tab completion, history in $XDG_STATE_HOME/danecheck/history (else \
            ~/.danecheck_history), Ctrl-C interrupts a running command, Ctrl-D \
            leaves. With standard input not a terminal, commands are read line by line without \
            prompt or echo (# starts a comment line), and the exit status is that of the last \
            command that failed.
            """)

    public init() {}

    public func run() async throws {
        let status = await ConsoleSession(interactive: isatty(STDIN_FILENO) == 1).run()
        if status != 0 { throw ExitCode(status) }
    }
}
