import ArgumentParser

/// The exporter's report receiver (RFC 8460 §5.3), off unless --tlsrpt-db names its database.
public struct TLSRPTReceiverOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Receive SMTP TLS reports and store them in this SQLite database: POSTs to --tlsrpt-path, and the --tlsrpt-maildir messages.",
                               valueName: "file"))
    public var tlsrptDB: String?

    @Option(help: ArgumentHelp("The path reports are POSTed to (the rua=https: URL's path).", valueName: "path"))
    public var tlsrptPath = "/tlsrpt"

    @Option(help: ArgumentHelp("A maildir the MTA delivers rua=mailto: reports into: new messages are read, stored, and moved to cur/.", valueName: "dir"))
    public var tlsrptMaildir: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds between two looks at the maildir's new/ (1-3600).", valueName: "seconds"))
    public var tlsrptMaildirInterval: Double = 10

    @Option(parsing: .unconditional, help: ArgumentHelp("Octets a POSTed report may have (larger: 413).", valueName: "bytes"))
    public var tlsrptMaxReportBytes = 1 << 20

    @Option(parsing: .unconditional, help: ArgumentHelp("Reports one organization may have stored in 24 hours (more: 429).", valueName: "count"))
    public var tlsrptMaxReportsPerSender = 1000

    public init() {}

    public func validate() throws {
        guard tlsrptPath.hasPrefix("/"), !tlsrptPath.contains("?"), tlsrptPath.count <= 200 else {
            throw ValidationError("--tlsrpt-path must be a path starting with /")
        }
        guard (1...3600).contains(tlsrptMaildirInterval) else { throw ValidationError("--tlsrpt-maildir-interval must be from 1 to 3600") }
        guard (1...(256 << 20)).contains(tlsrptMaxReportBytes) else { throw ValidationError("--tlsrpt-max-report-bytes must be from 1 to 268435456") }
        guard tlsrptMaxReportsPerSender >= 1 else { throw ValidationError("--tlsrpt-max-reports-per-sender must be 1 or more") }
        if tlsrptDB == nil, tlsrptMaildir != nil { throw ValidationError("--tlsrpt-maildir needs --tlsrpt-db (where its reports are stored)") }
    }
}
