import DaneCommands
import DaneCore
import Foundation
import HTTPTypes
import Hummingbird

/// Receives SMTP TLS reports for the exporter: `POST PATH` as RFC 8460 §5.3 describes
/// (`application/tlsrpt+gzip` or `application/tlsrpt+json`), and the messages an MTA delivers
/// into a maildir; each report is committed to the database before it is acknowledged.
///
/// Answers: 201 stored; 200 stored already (same organization and report-id: a resend); 400 not
/// an RFC 8460 report (one line why); 413 larger than --tlsrpt-max-report-bytes, or gzip that
/// inflates past 32 MiB; 415 another media type; 429 (Retry-After) the report's organization
/// stored --tlsrpt-max-reports-per-sender in the last 24 hours; 503 the database failed.
public struct TLSRPTReceiver: Sendable {
    public let store: TLSReportStore
    /// The path reports are POSTed to; octets a POSTed report may have.
    public let path: String
    public let maxReportBytes: Int
    let counters = TLSRPTCounters()

    public init(options: TLSRPTReceiverOptions) throws {
        guard let path = options.tlsrptDB else { throw CommandError("--tlsrpt-db is needed", exitCode: DanecheckExit.usage) }
        do {
            store = try TLSReportStore(path: path, perSenderDaily: options.tlsrptMaxReportsPerSender)
        } catch {
            throw CommandError("cannot open --tlsrpt-db \(BoundedText.prefix(path)): \(error)", exitCode: DanecheckExit.usage)
        }
        self.path = options.tlsrptPath
        maxReportBytes = options.tlsrptMaxReportBytes
    }

    static let mediaTypes = ["application/tlsrpt+gzip", "application/tlsrpt+json"]

    /// Adds `POST PATH` to the exporter's router.
    public func add<Context: RequestContext>(to router: Router<Context>) {
        router.post(RouterPath(path)) { request, _ in await self.receive(request) }
    }

    func receive(_ request: Request) async -> Response {
        let type = request.headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.mediaTypes.contains(type) else {
            counters.rejected("media-type")
            return Self.text(.unsupportedMediaType, "send application/tlsrpt+gzip or application/tlsrpt+json (RFC 8460 §5.3)\n")
        }
        let limit = maxReportBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            counters.rejected("too-large")
            return Self.text(.contentTooLarge, "a report may have \(limit) octets\n")
        }
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            counters.rejected("too-large")
            return Self.text(.contentTooLarge, "a report may have \(limit) octets\n")
        } catch {
            // The client went away mid-body: nothing was stored, nobody to answer.
            counters.rejected("incomplete")
            return Self.text(.badRequest, "the body did not arrive whole\n")
        }
        if type == "application/tlsrpt+gzip", !Gunzip.isGzip(body) {
            counters.rejected("not-a-report")
            return Self.text(.badRequest, "application/tlsrpt+gzip, but the body is not gzip\n")
        }
        switch TLSReportDecoder.report(body, origin: "POST") {
        case .problem(let problem):
            let tooLarge = problem.message.hasPrefix(Gunzip.Failure.tooLarge(limit: TLSReportDecoder.maxInflated).description)
            counters.rejected(tooLarge ? "too-large" : "not-a-report")
            return Self.text(tooLarge ? .contentTooLarge : .badRequest, TerminalText.escape(problem.message) + "\n")
        case .report(let report, let json, _):
            return await stored(report, json: json, channel: "https")
        }
    }

    func stored(_ report: TLSReport, json: [UInt8], channel: String) async -> Response {
        do {
            switch try await store.store(report, json: json, sender: channel) {
            case .stored:
                counters.accepted(channel, "stored")
                return Self.text(.created, "stored\n")
            case .duplicate:
                counters.accepted(channel, "duplicate")
                return Self.text(.ok, "stored already\n")
            case .overQuota(let limit):
                counters.rejected("over-quota")
                var response = Self.text(.tooManyRequests, "\(limit) reports from this organization in 24 hours\n")
                response.headers[.retryAfter] = "3600"
                return response
            }
        } catch {
            counters.rejected("store-failed")
            return Self.text(.serviceUnavailable, "the report could not be stored\n")
        }
    }

    /// The receiver's metrics (the stored reports' sums, and its own counts).
    public func metrics() async -> String {
        let (accepted, rejected) = counters.snapshot
        guard let series = try? await store.series() else { return "" }
        return series.exposition(rejected: rejected, accepted: accepted)
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
