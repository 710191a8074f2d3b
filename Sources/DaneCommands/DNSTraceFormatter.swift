import DaneCore

/// One `--debug dns` line per exchange:
/// `dns: 127.53.0.2 example.test. MX rd,do rcode=NOERROR ad=1 answers=2 0.61ms`.
enum DNSTraceFormatter {
    static func line(_ exchange: DNSExchange) -> String {
        let server = exchange.server.map(\.description) ?? "-"
        let flags = exchange.query.checkingDisabled ? "rd,do,cd" : "rd,do"
        let head = "dns: \(server) \(exchange.query.name.absolute) \(exchange.query.type) \(flags)"
        let time = TimeFormat.milliseconds(exchange.milliseconds)
        switch exchange.outcome {
        case .response(let response):
            let tc = response.truncated ? " tc=1" : ""
            return "\(head) rcode=\(response.rcode) ad=\(response.authenticData ? 1 : 0)\(tc) answers=\(response.answer.count) \(time)"
        case .failure(let failure):
            return "\(head) \(failure) \(time)"
        }
    }
}
