import Foundation

/// One leaf of a MIME message (RFC 2045, RFC 2046): its content type, file name and decoded
/// body, and where it is ("part 2", "part 2.1").
public struct MIMEPart: Sendable {
    public let label: String
    public let contentType: MIMEContentType
    public let fileName: String?
    public let body: [UInt8]
}
