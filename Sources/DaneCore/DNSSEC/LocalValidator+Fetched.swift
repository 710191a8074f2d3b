/// What the validator fetched for one question (with CD=1): the message, parsed once, or why
/// there is none.
extension LocalValidator {
    enum Fetched: Sendable {
        /// The response and its packet, parsed once when it was fetched.
        case message(DNSResponse, LDNSPacket)
        /// Why there is no message; the rcode when the resolver answered one (SERVFAIL, REFUSED…).
        case failure(String, rcode: ResponseCode? = nil)

        var packet: (response: DNSResponse, packet: LDNSPacket)? {
            guard case .message(let response, let packet) = self else { return nil }
            return (response, packet)
        }

        var message: DNSResponse? { packet?.response }

        /// Why there is no message (`fetch` turns error rcodes into failures).
        var failure: String? {
            if case .failure(let text, _) = self { return text }
            return nil
        }

        /// The error rcode the resolver answered, if that is why there is no message.
        var rcode: ResponseCode? {
            if case .failure(_, let rcode) = self { return rcode }
            return nil
        }
    }
}
