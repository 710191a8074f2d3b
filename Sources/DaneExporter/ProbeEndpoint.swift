import DaneCommands
import DaneCore
import DaneExporterConfig
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The exporter's HTTP surface, after blackbox_exporter's multi-target pattern:
/// `GET /probe?target=DOMAIN[&module=NAME]` checks one domain and answers its metrics,
/// `GET /metrics` the exporter's own. A bad request gets 400 and one line saying why; nothing a
/// request carries can stop the process. HTTP itself (parsing, header limits, keep-alive) is
/// Hummingbird's, over SwiftNIO.
struct ProbeEndpoint: Sendable {
    /// The modules by name (each scrape gets a checker of its own: its own probes, the shared
    /// DNS cache).
    let modules: [String: ExporterModule]
    let slots: ProbeSlots
    let metrics: ExporterMetrics
    /// Seconds a check may take when Prometheus sends no X-Prometheus-Scrape-Timeout-Seconds.
    let defaultTimeout: Double

    static let exposition = "text/plain; version=0.0.4; charset=utf-8"
    /// The longest a check may take, whatever the scrape timeout says.
    static let maximumTimeout = 120.0
    static let timeoutHeader = HTTPField.Name("X-Prometheus-Scrape-Timeout-Seconds")!

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/probe") { request, _ in await self.answer("/probe", await self.probe(request)) }
        router.get("/metrics") { _, _ in await self.answer("/metrics", Self.text(.ok, await self.metrics.page(slots: self.slots), type: Self.exposition)) }
        router.get("/") { _, _ in
            await self.answer("/", Self.text(.ok, "danecheck exporter: GET /probe?target=DOMAIN[&module=NAME], GET /metrics\nmodules: "
                                             + self.modules.keys.sorted().joined(separator: ", ") + "\n"))
        }
        for path in ["/probe", "/metrics", "/"] {
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                router.on(RouterPath(path), method: method) { _, _ in
                    await self.answer(path, Self.text(.methodNotAllowed, "only GET is answered here\n"))
                }
            }
        }
        return router
    }

    private func answer(_ path: String, _ response: Response) async -> Response {
        metrics.request(path: path, code: response.status.code)
        return response
    }

    func probe(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        guard let target = query["target"].map(String.init), !target.isEmpty else {
            return Self.text(.badRequest, "give the domain: /probe?target=DOMAIN\n")
        }
        let domain: DNSName
        do { domain = try DNSName(validating: target) } catch { return Self.text(.badRequest, "target: \(error.description)\n") }
        let name = query["module"].map(String.init) ?? "default"
        guard let module = modules[name] else {
            return Self.text(.badRequest, "unknown module \(BoundedText.quoted(name)) (modules: \(modules.keys.sorted().joined(separator: ", ")))\n")
        }
        let timeout = Self.timeout(request.headers[Self.timeoutHeader], default: defaultTimeout)
        let started = ContinuousClock.now
        let assessor = module.assessor()
        let slots = self.slots
        let assessment = await Self.within(timeout) { () -> Assessment? in
            guard await slots.acquire() else { return nil }
            let assessment = await assessor.assess(domain)
            slots.release()
            return assessment
        } ?? nil
        let seconds = (ContinuousClock.now - started).seconds
        metrics.probed(seconds: seconds, timedOut: assessment == nil)
        guard let assessment else { return Self.text(.ok, DomainMetrics.timedOutPage(seconds: seconds), type: Self.exposition) }
        return Self.text(.ok, DomainMetrics.page(assessment), type: Self.exposition)
    }

    /// The scrape timeout less half a second for the answer to travel, within bounds.
    static func timeout(_ header: String?, default fallback: Double) -> Double {
        guard let header, let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0 else { return fallback }
        return min(max(seconds - 0.5, 0.5), maximumTimeout)
    }

    /// `work`'s value, or nil when it takes longer than `seconds`: it is then cancelled and
    /// awaited, so nothing of it runs once the scrape is answered (its lookups and probes end
    /// within ~50 ms of the cancellation, `Deadline`).
    static func within<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    static func text(_ status: HTTPResponse.Status, _ body: String, type: String = "text/plain; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
