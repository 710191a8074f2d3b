/// An HTTP/1.1 response as read from the wire.
public struct HTTPResponse: Sendable, Hashable {
    public let status: Int
    public let reason: String
    /// Header names lower-cased, in order.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

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
