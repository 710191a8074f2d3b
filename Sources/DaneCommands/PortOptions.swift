import ArgumentParser

/// The TCP port of the SMTP server, for the commands that connect to one host (probe, tlsa create).
public struct PortOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "TCP port of the SMTP server to connect to.")
    public var port: UInt16 = 25

    public init() {}

    public func validate() throws {
        if port == 0 { throw ValidationError("--port must be from 1 to 65535") }
    }
}
