import Foundation

/// Runs the `SMTPDialogue` against one address over a real socket, with TLS through OpenSSL.
/// Every phase (connect, each reply, the handshake) has its own deadline of `timeout` seconds.
/// Blocking: call it through `BlockingWork`.
public struct SMTPProber: Sendable {
    public let ehloName: String
    public let timeout: Double
    /// Receives "[address]:port > command" and "[address]:port < reply" lines (for `--debug smtp`).
    public let trace: (@Sendable (String) -> Void)?
    /// The clock a probe's end is stamped with.
    let now: @Sendable () -> Date

    public init(ehloName: String, timeout: Double, trace: (@Sendable (String) -> Void)? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.ehloName = ehloName
        self.timeout = timeout
        self.trace = trace
        self.now = now
    }

    /// The default EHLO name: this machine's host name as gethostname(2) gives it (no DNS lookup).
    public static var defaultEHLOName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    public func probe(_ address: IPAddress, port: UInt16, request: ProbeRequest) async -> AddressProbe {
        await BlockingWork.run(cancelled: cancelledProbe(address, port: port)) { [self] in run(address, port: port, request: request) }
    }

    func run(_ address: IPAddress, port: UInt16, request: ProbeRequest) -> AddressProbe {
        let start = ContinuousClock.now
        var dialogue = SMTPDialogue(ehloName: ehloName, startTLS: request.startTLS)
        var session = Session()
        do {
            let connection = try TCPConnection.connect(to: address, port: port, deadline: Deadline(seconds: timeout))
            session.connectMilliseconds = start.millisecondsElapsed
            trace?("[\(address)]:\(port) connected")
            try converse(&dialogue, &session, connection, request: request, start: start,
                         peer: "[\(address)]:\(port)")
        } catch {
            _ = dialogue.failed(error)
        }
        return AddressProbe(address: address, port: port, connectMilliseconds: session.connectMilliseconds,
                            deliveryMilliseconds: session.deliveryMilliseconds, transcript: dialogue.transcript,
                            tls: session.summary, refusedRecords: session.refused, injectedBytes: session.injected,
                            finishedAt: now())
    }

    /// What a probe that never started (its task was cancelled while it waited) says.
    private func cancelledProbe(_ address: IPAddress, port: UInt16) -> AddressProbe {
        var dialogue = SMTPDialogue(ehloName: ehloName)
        _ = dialogue.failed(.cancelled)
        return AddressProbe(address: address, port: port, connectMilliseconds: nil, deliveryMilliseconds: nil,
                            transcript: dialogue.transcript, tls: nil, refusedRecords: [], injectedBytes: 0, finishedAt: now())
    }

    private struct Session {
        var connectMilliseconds: Double?
        var deliveryMilliseconds: Double?
        var summary: TLSSummary?
        var refused: [TLSARecord] = []
        var injected = 0
        var tls: TLSSession?
    }

    private func converse(_ dialogue: inout SMTPDialogue, _ session: inout Session, _ connection: TCPConnection,
                          request: ProbeRequest, start: ContinuousClock.Instant,
                          peer: String) throws(ProbeFailure) {
        var parser = SMTPReplyParser()
        var deadline = Deadline(seconds: timeout)
        var received = 0
        while dialogue.phase != .done {
            let phase = dialogue.phase
            let bytes: [UInt8]
            if let tls = session.tls {
                bytes = try tls.read(deadline: deadline, phase: phase.waitingFor)
            } else {
                bytes = try connection.read(deadline: deadline, phase: phase.waitingFor) {
                    received > 0 ? "\(received) octets received" : "nothing received"
                }
            }
            if bytes.isEmpty { throw .closed(phase: phase.waitingFor) }
            received += bytes.count
            let replies: [SMTPReply]
            do { replies = try parser.feed(bytes) } catch { throw .protocolError(phase: phase.waitingFor, error.description) }
            for (index, reply) in replies.enumerated() {
                trace?("\(peer) < \(reply)")
                var action = dialogue.receive(reply)
                received = 0
                deadline = Deadline(seconds: timeout)
                let startsTLS = action == .startTLS
                if startsTLS {
                    // RFC 3207 §4.2: anything sent after the 220 before the handshake is discarded.
                    session.injected = replies[(index + 1)...].reduce(0) { $0 + $1.description.utf8.count + 2 }
                    parser = SMTPReplyParser()
                    action = try startTLS(&dialogue, &session, connection, request: request, start: start)
                    deadline = Deadline(seconds: timeout)  // the EHLO over TLS gets a phase of its own
                }
                switch action {
                case .send(let command):
                    trace?("\(peer) > \(command)")
                    try send(command, session, connection, deadline: deadline, phase: dialogue.phase)
                    // The verdict is known once QUIT is sent: waiting for its 221 would only
                    // add a round trip to every probe.
                    if dialogue.phase == .quit { return }
                case .finish:
                    return
                case .startTLS:
                    break
                }
                if startsTLS { break }  // the rest of this read was plaintext: discarded
            }
        }
    }

    private func startTLS(_ dialogue: inout SMTPDialogue, _ session: inout Session, _ connection: TCPConnection,
                          request: ProbeRequest, start: ContinuousClock.Instant) throws(ProbeFailure) -> SMTPDialogue.Action {
        let tls: TLSSession
        do {
            tls = try TLSSession(context: try TLSClientContext.shared(pkix: request.pkix), connection: connection, setup: request.tlsSetup)
        } catch {
            throw .tls(error.description)
        }
        session.refused = tls.refusedRecords
        do {
            try tls.handshake(deadline: Deadline(seconds: timeout))
        } catch .timeout(let phase, let seconds, _) where session.injected > 0 {
            throw .timeout(phase: phase, seconds: seconds,
                           detail: "the server sent \(session.injected) octets of plaintext after its 220 to STARTTLS")
        }
        session.deliveryMilliseconds = start.millisecondsElapsed
        session.summary = tls.summary
        session.tls = tls
        return dialogue.tlsEstablished()
    }

    private func send(_ command: String, _ session: Session, _ connection: TCPConnection, deadline: Deadline,
                      phase: SMTPDialogue.Phase) throws(ProbeFailure) {
        let bytes = Array((command + "\r\n").utf8)
        if let tls = session.tls {
            try tls.write(bytes, deadline: deadline, phase: phase.waitingFor)
        } else {
            try connection.write(bytes, deadline: deadline, phase: phase.waitingFor)
        }
    }

}
