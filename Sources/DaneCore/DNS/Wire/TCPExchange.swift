/// One query over TCP (RFC 1035 §4.2.2, RFC 7766): two octets of length, then the message, on a
/// connection of its own. A message on the stream that does not answer the query (`ReplyCheck`)
/// is dropped and counted, and the next one read, until the deadline. Blocking.
enum TCPExchange {
    static func send(_ message: QueryMessage, to server: ResolverAddress, deadline: Deadline) -> WireExchange {
        var ignored: [ReplyCheck.Mismatch] = []
        do {
            let connection = try TCPConnection.connect(to: server.address, port: server.port, deadline: deadline)
            let length = UInt16(message.wire.count)
            try connection.write([UInt8(length >> 8), UInt8(length & 0xff)] + message.wire, deadline: deadline,
                                 phase: "sending the query over TCP")
            var stream: [UInt8] = []
            while true {
                while stream.count >= 2, stream.count >= 2 + (Int(stream[0]) << 8 | Int(stream[1])) {
                    let size = Int(stream[0]) << 8 | Int(stream[1])
                    let reply = Array(stream[2..<(2 + size)])
                    stream.removeFirst(2 + size)
                    if let mismatch = ReplyCheck.check(reply, against: message) {
                        ignored.append(mismatch)
                        continue
                    }
                    return WireExchange(outcome: .reply(reply), ignored: ignored)
                }
                let bytes = try connection.read(deadline: deadline, phase: "the reply over TCP") {
                    stream.isEmpty ? "nothing received" : "\(stream.count) octets received"
                }
                if bytes.isEmpty {
                    return WireExchange(outcome: .failure(.network(server: server, message: stream.isEmpty
                        ? "the server closed the TCP connection without a reply"
                        : "the server closed the TCP connection in the middle of a reply")), ignored: ignored)
                }
                stream += bytes
            }
        } catch .timeout {
            return WireExchange(outcome: .failure(.timeout(server: server, seconds: deadline.seconds)), ignored: ignored)
        } catch {
            return WireExchange(outcome: .failure(.network(server: server, message: error.description)), ignored: ignored)
        }
    }
}
