import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with OpenSSL's TLS in front (as HummingbirdTLS's
/// TLSChannel puts NIOSSL there). Each connection takes the TLS context current when it is
/// accepted, so a reload that changes the certificate applies to the next connection.
struct OpenSSLChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let web: WebSettings

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let tls = web.current.tls else { return base.setup(channel: channel, logger: logger) }
        let log = web.log
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(OpenSSLServerHandler(context: tls) { reason in
                log.event("TLS handshake failed", [("remote", channel.remoteAddress?.ipAddress ?? "?"), ("err", reason)], level: "warn")
            })
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
