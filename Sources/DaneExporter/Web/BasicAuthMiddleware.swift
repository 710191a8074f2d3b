import Foundation
import HTTPTypes
import HummingbirdBcrypt
import Hummingbird
import Synchronization

/// `basic_auth_users` of the web configuration: with users configured, every request must carry
/// `Authorization: Basic` with one of them and a password matching its bcrypt hash (hummingbird-
/// auth's HummingbirdBcrypt, OpenBSD's bcrypt); otherwise 401 with `WWW-Authenticate`. As
/// exporter-toolkit does, a password that matched is remembered (bcrypt takes tens of
/// milliseconds by design), and an unknown user costs one bcrypt as a known one does.
struct BasicAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let web: WebSettings
    let cache: VerifiedPasswords

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let users = web.current.config.users
        guard !users.isEmpty else { return try await next(request, context) }
        guard let (user, password) = Self.credentials(request.headers[.authorization]),
              cache.verify(user: user, password: password, hash: users[user]) else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Basic realm=\"danecheck-exporter\"", .contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Unauthorized\n")))
        }
        return try await next(request, context)
    }

    /// The user and password of a `Basic` Authorization header.
    static func credentials(_ header: String?) -> (String, String)? {
        guard let header, header.count < 4096 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}

/// Passwords already checked against their hash, so that bcrypt runs once per user and password
/// (bounded; emptied when full). Only matches are kept: a wrong password costs a bcrypt each time.
/// bcrypt runs outside the lock: checks of several requests proceed at once.
final class VerifiedPasswords: Sendable {
    private let matched = Mutex(Set<String>())
    /// A real hash of cost 10 (of no password in use), checked for users that do not exist.
    private static let decoy = "$2b$10$E6OZtAYyNAEnolBzTVAWtuabI0wOGMSuplodtSC.BlloWBcnWZ4T."

    func verify(user: String, password: String, hash: String?) -> Bool {
        let key = "\(user)\u{0}\(hash ?? "")\u{0}\(password)"
        if hash != nil, matched.withLock({ $0.contains(key) }) { return true }
        let ok = Bcrypt.verify(password, hash: hash ?? Self.decoy) && hash != nil
        if ok {
            matched.withLock { set in
                if set.count >= 256 { set.removeAll() }
                set.insert(key)
            }
        }
        return ok
    }
}

/// `http_server_config.headers`: added to every response.
struct HeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let web: WebSettings

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in web.current.config.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
