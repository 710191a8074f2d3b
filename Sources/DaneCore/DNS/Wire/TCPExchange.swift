/// One query over TCP (RFC 1035 §4.2.2, RFC 7766): two octets of length, then the message
/// (`TCPFraming`), on a connection of its own. A message on the stream that does not answer the
/// query (`ReplyCheck`) is dropped and counted, and the next one read, until the deadline. Blocking.
enum TCPExchange {
    static func send(_ message: QueryMessage, to server: ResolverAddress, deadline: Deadline) -> WireExchange {
        var ignored: [ReplyCheck.Mismatch] = []
        do {
            let connection = try TCPConnection.connect(to: server.address, port: server.port, deadline: deadline)
            try connection.write(TCPFraming.frame(message.wire), deadline: deadline, phase: "sending the query over TCP")
            var framing = TCPFraming()
            while true {
                let bytes = try connection.read(deadline: deadline, phase: "the reply over TCP") {
                    framing.pending == 0 ? "nothing received" : "\(framing.pending) octets received"
                }
                if bytes.isEmpty {
                    return WireExchange(outcome: .failure(.closed(server: server, midReply: framing.pending != 0)), ignored: ignored)
                }
                for reply in framing.append(bytes) {
                    if let mismatch = ReplyCheck.check(reply, against: message) {
                        ignored.append(mismatch)
                        continue
                    }
                    return WireExchange(outcome: .reply(reply), ignored: ignored)
                }
            }
        } catch {
            return WireExchange(outcome: .failure(failure(error, server: server, deadline: deadline)), ignored: ignored)
        }
    }

    private static func failure(_ error: ProbeFailure, server: ResolverAddress, deadline: Deadline) -> TransportFailure {
        switch error {
        case .timeout: .timeout(server: server, seconds: deadline.seconds)
        case .connect(let failure): .connect(server: server, failure: failure)
        case .io(let failure): .network(server: server, failure: failure)
        case .cancelled: .cancelled(server: server)
        // TCPConnection throws none of these; a TCP stream that ends is the nearest.
        case .closed, .protocolError, .tls, .tlsSession: .closed(server: server, midReply: false)
        }
    }
}
