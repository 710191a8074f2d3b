import Foundation

/// One HTTPS GET (HTTP/1.1, Connection: close) with PKIX validation of the server's chain and
/// name (system CA store or a CA file), a deadline on every step, no redirects and a size limit
/// (RFC 8461 §3.3 for MTA-STS policies).
public struct HTTPSFetcher: Sendable {
    public let timeout: Double
    public let caFile: String?
    public let maxBytes: Int
    public let port: UInt16

    public init(timeout: Double, caFile: String?, maxBytes: Int = 64 * 1024, port: UInt16 = 443) {
        self.timeout = timeout
        self.caFile = caFile
        self.maxBytes = maxBytes
        self.port = port
    }

    /// GETs `path` from `host`, trying its addresses in order until one answers. Each address gets
    /// --timeout for the whole exchange, and all of them together at most twice that (and a minute).
    public func get(host: DNSName, addresses: [IPAddress], path: String) async -> Result<HTTPResponse, MTASTSFailure> {
        var last = MTASTSFailure.fetch("\(host.text) has no address")
        let overall = Deadline(seconds: min(60, timeout * 2))
        for address in addresses {
            let left = Double(overall.remainingMilliseconds) / 1000
            guard left > 0 else { return .failure(.fetch("\(host.text): no answer within \(TimeFormat.seconds(overall.seconds))")) }
            let deadline = Deadline(seconds: min(timeout, left))
            let result = await BlockingWork.run(cancelled: .failure(.fetch("cancelled"))) { [self] in fetch(host: host, address: address, path: path, deadline: deadline) }
            if case .success = result { return result }
            if case .failure(let failure) = result { last = failure }
        }
        return .failure(last)
    }

    func fetch(host: DNSName, address: IPAddress, path: String, deadline: Deadline) -> Result<HTTPResponse, MTASTSFailure> {
        let peer = "\(host.text) [\(address)]:\(port)"
        do {
            let connection = try TCPConnection.connect(to: address, port: port, deadline: deadline)
            let expectation = PKIXExpectation(caFile: caFile, hostname: host)
            let context = try TLSClientContext.shared(pkix: expectation)
            let session = try TLSSession(context: context, connection: connection,
                                         setup: TLSSetup(serverName: host, pkix: expectation))
            try session.handshake(deadline: deadline)
            let summary = session.summary
            guard !summary.chain.isEmpty else { return .failure(.fetch("\(peer): the server sent no certificate")) }
            guard summary.verifyCode == 0 else {
                return .failure(.fetch("\(peer): certificate verification failed: \(summary.verifyError ?? "code \(summary.verifyCode)")"))
            }
            let request = "GET \(path) HTTP/1.1\r\nHost: \(host.text)\r\nUser-Agent: danecheck\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
            try session.write(Array(request.utf8), deadline: deadline, phase: "sending the request")
            var received: [UInt8] = []
            var cut: String?
            reading: while true {
                switch try session.readOrEnd(deadline: deadline, phase: "the HTTP response") {
                case .data(let bytes): received += bytes
                case .closeNotify: break reading
                case .cut(let how): cut = how; break reading
                }
                if received.count > maxBytes + 16 * 1024 {
                    return .failure(.fetch("\(peer): the response is larger than \(maxBytes / 1024) KiB"))
                }
            }
            // A body of known length (or chunks) is complete whatever ends the connection; one
            // framed by the close alone only after close_notify (else it may have been cut short).
            let response = try HTTPResponseParser.parse(received)
            if let cut, response.framedByClose {
                return .failure(.fetch("\(peer): the connection ended without close_notify: \(cut)"))
            }
            return .success(response)
        } catch let failure as ProbeFailure {
            return .failure(.fetch("\(peer): \(failure)"))
        } catch let failure as OpenSSLError {
            return .failure(.fetch("\(peer): \(failure)"))
        } catch let failure as HTTPResponseParser.Failure {
            return .failure(.fetch("\(peer): \(failure)"))
        } catch {
            return .failure(.fetch("\(peer): \(error)"))
        }
    }
}
