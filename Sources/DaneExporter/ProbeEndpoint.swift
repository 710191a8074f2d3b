import DaneCommands
import DaneCore
import DaneExporterConfig
import Foundation
import HTTPTypes
import Hummingbird

/// The exporter's HTTP surface, after blackbox_exporter's multi-target pattern:
/// `GET /probe?target=DOMAIN[&module=NAME][&debug=true]` checks one domain and answers its
/// metrics (or, with debug, the probe's log and report and the metrics as text), `GET /metrics`
/// the exporter's own, `/-/healthy`, `/-/ready`, `POST /-/reload`. A bad request gets 4xx and one
/// line saying why; nothing a request carries can stop the process. HTTP itself (parsing, header
/// limits, keep-alive) is Hummingbird's, over SwiftNIO.
struct ProbeEndpoint: Sendable {
    let state: ExporterState
    let limits: ProbeLimits
    /// Seconds a check may take when Prometheus sends no X-Prometheus-Scrape-Timeout-Seconds.
    let defaultTimeout: Double

    var metrics: ExporterMetrics { state.metrics }
    var log: ExporterLog { state.web.log }

    static let exposition = "text/plain; version=0.0.4; charset=utf-8"
    /// The longest a check may take, whatever the scrape timeout says.
    static let maximumTimeout = 120.0
    static let timeoutHeader = HTTPField.Name("X-Prometheus-Scrape-Timeout-Seconds")!

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: HeadersMiddleware(web: state.web))
        router.add(middleware: BasicAuthMiddleware(web: state.web, cache: VerifiedPasswords()))
        router.get("/probe") { request, _ in await self.answer("/probe", await self.probe(request)) }
        router.get("/metrics") { _, _ in await self.answer("/metrics", Self.text(.ok, await self.metrics.page(slots: self.limits.slots), type: Self.exposition)) }
        router.get("/-/healthy") { _, _ in await self.answer("/-/healthy", Self.text(.ok, "Healthy\n")) }
        router.get("/-/ready") { _, _ in await self.answer("/-/ready", Self.text(.ok, "Ready\n")) }
        for method in [HTTPRequest.Method.post, .put] {
            router.on("/-/reload", method: method) { _, _ in
                let failure = self.state.reload()
                return await self.answer("/-/reload", failure.map { Self.text(.internalServerError, "failed to reload config: \($0)\n") } ?? Self.text(.ok, "OK\n"))
            }
        }
        router.get("/-/reload") { _, _ in await self.answer("/-/reload", Self.text(.methodNotAllowed, "only POST or PUT reloads\n")) }
        router.get("/") { _, _ in
            await self.answer("/", Self.text(.ok, "danecheck exporter: GET /probe?target=DOMAIN[&module=NAME][&debug=true], GET /metrics, /-/healthy, /-/ready, POST /-/reload\nmodules: "
                                             + self.state.modules.keys.sorted().joined(separator: ", ") + "\n"))
        }
        for path in ["/probe", "/metrics", "/", "/-/healthy", "/-/ready"] {
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

    /// What became of a probe.
    enum Outcome: Sendable {
        case assessed(Assessment)
        /// The target's MX hosts resolve to addresses the module may not reach.
        case refused([IPAddress])
        /// Every slot busy and the queue full.
        case queueFull
    }

    func probe(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        guard let target = query["target"].map(String.init), !target.isEmpty else {
            return Self.text(.badRequest, "give the domain: /probe?target=DOMAIN\n")
        }
        let domain: DNSName
        do { domain = try DNSName(validating: target) } catch { return Self.text(.badRequest, "target: \(error.description)\n") }
        let name = query["module"].map(String.init) ?? "default"
        let modules = state.modules
        guard let module = modules[name] else {
            return Self.text(.badRequest, "unknown module \(BoundedText.quoted(name)) (modules: \(modules.keys.sorted().joined(separator: ", ")))\n")
        }
        let debug = query["debug"].map { $0 == "true" } ?? false
        guard module.allows(domain) else {
            log.event("probe refused", [("target", domain.text), ("module", name), ("result", "not-allowed")], level: "warn")
            metrics.probed(seconds: 0, outcome: "refused")
            return Self.text(.forbidden, "target \(domain.text) is not allowed by module '\(name)' (allowed_domains: \(module.allowedDomains.map(\.description).joined(separator: ", ")))\n")
        }
        let key = "\(name)\u{0}\(domain.text.lowercased())"
        guard limits.enter(key) else {
            return Self.text(.tooManyRequests, "\(limits.perTarget) checks of \(domain.text) with module '\(name)' are running (--max-concurrent-per-target)\n")
        }
        defer { limits.leave(key) }
        let timeout = Self.timeout(request.headers[Self.timeoutHeader], default: defaultTimeout)
        let started = ContinuousClock.now
        let outcome = await Self.within(timeout) { [limits] in await Self.run(domain, module: module, slots: limits.slots) } ?? nil
        let seconds = (ContinuousClock.now - started).seconds
        if case .queueFull? = outcome {
            return Self.text(.serviceUnavailable, "every check slot is busy and the queue is full (--max-concurrent, --max-queued)\n")
        }
        let page = ProbePage(domain: domain, module: name, outcome: outcome, seconds: seconds)
        metrics.probed(seconds: seconds, outcome: page.outcomeWord)
        log.event("probe", [("target", domain.text), ("module", name), ("duration_seconds", String(format: "%.3f", seconds)),
                            ("result", page.resultWord)] + page.logFields)
        if debug { return Self.text(.ok, page.debugText(module: module)) }
        return Self.text(.ok, page.metricsText, type: Self.exposition)
    }

    /// One check under the slots: walk, refuse non-public addresses unless allowed, probe, judge.
    /// Nil when the scrape ended while it waited for a slot.
    static func run(_ domain: DNSName, module: ExporterModule, slots: ProbeSlots) async -> Outcome? {
        switch await slots.acquire() {
        case .queueFull: return .queueFull
        case .cancelled: return nil
        case .slot: break
        }
        let outcome = await check(domain, module: module)
        slots.release()
        return outcome
    }

    static func check(_ domain: DNSName, module: ExporterModule) async -> Outcome {
        let assessor = module.assessor()
        let start = ContinuousClock.now
        let report = await assessor.checker.inspector.inspect(domain)
        let dnsSeconds = (ContinuousClock.now - start).seconds
        if !module.allowPrivateAddresses {
            let refused = report.hosts.flatMap { $0.addresses.map(\.address) }.filter { !AddressScope.isPublic($0) }
            if !refused.isEmpty { return .refused(Array(Set(refused)).sorted()) }
        }
        return .assessed(await assessor.assess(report, since: start, dnsSeconds: dnsSeconds))
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
