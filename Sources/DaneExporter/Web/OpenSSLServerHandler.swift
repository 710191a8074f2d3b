import COpenSSL
import DaneCore
import NIOCore

/// TLS for one accepted connection, by OpenSSL (the library the rest of danecheck uses), in a
/// SwiftNIO pipeline: bytes from the network go into a memory BIO, OpenSSL's output comes out of
/// another and is written to the socket; the handlers after this one see plaintext. The shape of
/// swift-nio-ssl's NIOSSLHandler, without its BoringSSL build: handshake first (writes wait for
/// it), then decrypt on read and encrypt on write; close_notify on close. A handshake that fails
/// (a plain-HTTP request, a missing or untrusted client certificate, a version below the
/// minimum) sends OpenSSL's alert and closes the connection.
final class OpenSSLServerHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let context: ServerTLSContext
    private let ssl: OpaquePointer
    /// OpenSSL reads the network's bytes from here.
    private let network: OpaquePointer
    /// OpenSSL writes what goes to the network here.
    private let outgoing: OpaquePointer
    private var state = State.handshaking
    private var waiting: [(ByteBuffer, EventLoopPromise<Void>?)] = []
    /// Called once when a handshake fails, with OpenSSL's words for why.
    private let onFailure: @Sendable (String) -> Void

    enum State { case handshaking, open, closed }

    init(context: ServerTLSContext, onFailure: @escaping @Sendable (String) -> Void) {
        self.context = context
        self.onFailure = onFailure
        ssl = SSL_new(context.pointer)!
        network = BIO_new(BIO_s_mem())!
        outgoing = BIO_new(BIO_s_mem())!
        SSL_set_bio(ssl, network, outgoing)  // the SSL owns both BIOs from here
        SSL_set_accept_state(ssl)
    }

    deinit { SSL_free(ssl) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        guard state != .closed else { return }
        bytes.withUnsafeReadableBytes { raw in
            _ = BIO_write(network, raw.baseAddress, Int32(raw.count))
        }
        if state == .handshaking { handshake(context) }
        if state == .open { decrypt(context) }
        sendOutgoing(context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.fireChannelReadComplete()
    }

    private func handshake(_ context: ChannelHandlerContext) {
        OpenSSLError.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            state = .open
            let held = waiting
            waiting = []
            for (buffer, promise) in held { encrypt(context, buffer, promise: promise) }
            context.flush()
            return
        }
        let error = SSL_get_error(ssl, result)
        if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE { return }
        fail(context, OpenSSLError.drain("handshake").messages.joined(separator: "; "))
    }

    /// Everything OpenSSL can decrypt now, passed on as plaintext.
    private func decrypt(_ context: ChannelHandlerContext) {
        while state == .open {
            var plain = context.channel.allocator.buffer(capacity: 16_384)
            var count = 0
            OpenSSLError.clear()
            let result = plain.writeWithUnsafeMutableBytes(minimumWritableBytes: 16_384) { raw in
                SSL_read_ex(ssl, raw.baseAddress, raw.count, &count) == 1 ? count : 0
            }
            if result > 0 {
                context.fireChannelRead(wrapInboundOut(plain))
                continue
            }
            switch SSL_get_error(ssl, 0) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return
            case SSL_ERROR_ZERO_RETURN:  // the client's close_notify
                state = .closed
                _ = SSL_shutdown(ssl)
                sendOutgoing(context)
                context.close(promise: nil)
            default:
                fail(context, OpenSSLError.drain("read").messages.joined(separator: "; "))
            }
            return
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let buffer = unwrapOutboundIn(data)
        switch state {
        case .handshaking: waiting.append((buffer, promise))
        case .open: encrypt(context, buffer, promise: promise)
        case .closed: promise?.fail(ChannelError.ioOnClosedChannel)
        }
    }

    private func encrypt(_ context: ChannelHandlerContext, _ buffer: ByteBuffer, promise: EventLoopPromise<Void>?) {
        var rest = buffer
        while rest.readableBytes > 0 {
            var written = 0
            OpenSSLError.clear()
            let ok = rest.withUnsafeReadableBytes { raw in SSL_write_ex(ssl, raw.baseAddress, raw.count, &written) == 1 }
            guard ok else {
                promise?.fail(ChannelError.ioOnClosedChannel)
                fail(context, OpenSSLError.drain("write").messages.joined(separator: "; "))
                return
            }
            rest.moveReaderIndex(forwardBy: written)
        }
        sendOutgoing(context, promise: promise, flush: false)
    }

    func flush(context: ChannelHandlerContext) {
        context.flush()
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .all, state == .open {
            state = .closed
            _ = SSL_shutdown(ssl)  // close_notify
            sendOutgoing(context)
        }
        state = .closed
        for (_, promise) in waiting { promise?.fail(ChannelError.ioOnClosedChannel) }
        waiting = []
        context.close(mode: mode, promise: promise)
    }

    /// What OpenSSL has for the network, written (and flushed unless told not to).
    private func sendOutgoing(_ context: ChannelHandlerContext, promise: EventLoopPromise<Void>? = nil, flush: Bool = true) {
        let pending = Int(copenssl_bio_pending(outgoing))
        guard pending > 0 else {
            promise?.succeed()
            return
        }
        var out = context.channel.allocator.buffer(capacity: pending)
        out.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { raw in
            max(Int(BIO_read(outgoing, raw.baseAddress, Int32(pending))), 0)
        }
        if flush { context.writeAndFlush(wrapOutboundOut(out), promise: promise) } else { context.write(wrapOutboundOut(out), promise: promise) }
    }

    private func fail(_ context: ChannelHandlerContext, _ reason: String) {
        guard state != .closed else { return }
        state = .closed
        sendOutgoing(context)  // the alert, if OpenSSL made one
        onFailure(reason.isEmpty ? "the connection ended during the handshake" : reason)
        for (_, promise) in waiting { promise?.fail(ChannelError.ioOnClosedChannel) }
        waiting = []
        context.close(promise: nil)
    }
}
