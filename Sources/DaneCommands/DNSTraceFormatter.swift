import DaneCore

/// `--debug dns` lines for one exchange:
/// `dns: 127.53.0.2 example.test. MX rd,do rcode=NOERROR ad=1 answers=2 0.61ms`, after one
/// `dns: 127.53.0.2 example.test. MX ignored a message: ID 4242, not 1717` per message that
/// arrived but did not answer the query.
enum DNSTraceFormatter {
    static func lines(_ exchange: DNSExchange) -> [String] {
        let server = exchange.server.map(\.description) ?? "-"
        let flags = [exchange.query.recursionDesired ? "rd" : nil, "do", exchange.query.checkingDisabled ? "cd" : nil].compactMap { $0 }.joined(separator: ",")
        let head = "dns: \(server) \(exchange.query.name.absolute) \(exchange.query.type)"
        let ignored = exchange.ignored.map { "\(head) ignored a message: \($0)" }
        let time = TimeFormat.milliseconds(exchange.milliseconds)
        switch exchange.outcome {
        case .response(let response):
            let tc = response.truncated ? " tc=1" : ""
            return ignored + ["\(head) \(flags) rcode=\(response.rcode) ad=\(response.authenticData ? 1 : 0)\(tc) answers=\(response.answer.count) \(time)"]
        case .failure(let failure):
            return ignored + ["\(head) \(flags) \(failure) \(time)"]
        }
    }
}
