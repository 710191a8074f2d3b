/// An HTTP/1.1 response as read from the wire.
public struct HTTPResponse: Sendable, Hashable {
    public let status: Int
    public let reason: String
    /// Header names lower-cased, in order.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// The body has neither Content-Length nor chunks: only the end of the connection ends it,
    /// so a connection cut short (no TLS close_notify) may have cut it short too.
    public let framedByClose: Bool

    public init(status: Int, reason: String, headers: [(name: String, value: String)], body: [UInt8], framedByClose: Bool = false) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.framedByClose = framedByClose
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.reason == rhs.reason && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(body)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name == name.lowercased() }?.value
    }
}
