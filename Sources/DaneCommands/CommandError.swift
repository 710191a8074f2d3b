import ArgumentParser

/// A failure a command finds while it runs (not while its options are checked): one line on
/// stderr, "danecheck: error: MESSAGE", and the exit code that says what kind of failure it is.
public struct CommandError: Error, CustomStringConvertible {
    public let message: String
    public let exitCode: ExitCode

    public init(_ message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
