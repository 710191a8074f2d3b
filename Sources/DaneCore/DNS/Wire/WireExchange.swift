/// What one exchange on the wire gave: the reply's octets, or why there is none; and every
/// message that arrived but did not answer the query (dropped, for `--debug dns`).
struct WireExchange: Sendable {
    enum Outcome: Sendable {
        case reply([UInt8])
        case failure(TransportFailure)
    }

    let outcome: Outcome
    let ignored: [ReplyCheck.Mismatch]
}
