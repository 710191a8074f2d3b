import DaneConsole
import Foundation

// OpenSSL writes to sockets with write(2): a peer that reset the connection must give an error,
// not kill the run with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

// Everything else (parsing, running, mapping every error to a documented exit code) is the
// CommandRunner's, shared with the console.
exit(await CommandRunner.main(Array(CommandLine.arguments.dropFirst()), stdinIsTerminal: isatty(STDIN_FILENO) == 1))
