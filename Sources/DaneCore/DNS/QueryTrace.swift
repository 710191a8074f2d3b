/// Receives every exchange with a resolver as it completes (for `--debug dns`).
/// Called from many threads at once; implementations must be thread-safe.
public typealias QueryTrace = @Sendable (DNSExchange) -> Void
