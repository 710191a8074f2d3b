import Foundation

/// What probing one address of an MX host found.
public struct AddressProbe: Sendable, Hashable {
    public let address: IPAddress
    public let port: UInt16
    /// TCP connect time, nil when the connection failed.
    public let connectMilliseconds: Double?
    /// From the start of the connect to the end of the TLS handshake (Momentum's "dlv"), nil without TLS.
    public let deliveryMilliseconds: Double?
    public let transcript: SMTPTranscript
    public let tls: TLSSummary?
    /// Records OpenSSL refused to use (SSL_dane_tlsa_add returned 0).
    public let refusedRecords: [TLSARecord]
    /// Plaintext the server sent after its 220 to STARTTLS (discarded, RFC 3207 §4.2).
    public let injectedBytes: Int
    /// When the probe ended; with a failure, the time of the failure.
    public let finishedAt: Date
    /// False when no connection was tried: the host cannot be used (a failed TLSA lookup), as
    /// an RFC 7672 MTA would not try it either (§2.1.2).
    public let attempted: Bool

    public init(address: IPAddress, port: UInt16, connectMilliseconds: Double?, deliveryMilliseconds: Double?,
                transcript: SMTPTranscript, tls: TLSSummary?, refusedRecords: [TLSARecord], injectedBytes: Int,
                finishedAt: Date, attempted: Bool = true) {
        self.address = address
        self.port = port
        self.connectMilliseconds = connectMilliseconds
        self.deliveryMilliseconds = deliveryMilliseconds
        self.transcript = transcript
        self.tls = tls
        self.refusedRecords = refusedRecords
        self.injectedBytes = injectedBytes
        self.finishedAt = finishedAt
        self.attempted = attempted
    }

    /// An address of a host that cannot be used: not connected to.
    public static func notAttempted(_ address: IPAddress, port: UInt16, at time: Date) -> AddressProbe {
        AddressProbe(address: address, port: port, connectMilliseconds: nil, deliveryMilliseconds: nil,
                     transcript: SMTPTranscript(), tls: nil, refusedRecords: [], injectedBytes: 0, finishedAt: time, attempted: false)
    }

    /// The same probe with its verification-dependent parts replaced (`ProbeJudgement`).
    func with(transcript: SMTPTranscript, tls: TLSSummary?, refused: [TLSARecord]) -> AddressProbe {
        AddressProbe(address: address, port: port, connectMilliseconds: connectMilliseconds,
                     deliveryMilliseconds: deliveryMilliseconds, transcript: transcript, tls: tls, refusedRecords: refused,
                     injectedBytes: injectedBytes, finishedAt: finishedAt, attempted: attempted)
    }

    /// True when the connection or the dialogue failed before its end.
    public var failed: Bool { transcript.failure != nil }
}
