import DaneCommands
import DaneCore
import Foundation
import Prometheus
import Synchronization

/// The exporter's own metrics (`GET /metrics`): requests by path and status code, probe time,
/// probes running and waiting, refused probes, the shared DNS cache's questions and hits, and
/// whether the last configuration reload succeeded (and when one last did).
final class ExporterMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    /// More series appended to the page (the TLSRPT receiver's), when there are any.
    private let extra: (@Sendable () async -> String)?

    init(extra: (@Sendable () async -> String)? = nil) {
        self.extra = extra
    }

    static let requests = MetricFamily(name: "danecheck_exporter_requests_total", help: "HTTP requests answered, by path and status code", labels: ["path", "code"])
    static let probeSeconds = MetricFamily(name: "danecheck_exporter_probe_seconds_total", help: "Seconds spent checking targets", labels: [])
    static let probes = MetricFamily(name: "danecheck_exporter_probes_total", help: "Targets checked, by outcome (ok, timeout, refused)", labels: ["outcome"])
    static let inFlight = MetricFamily(name: "danecheck_exporter_probes_in_flight", help: "Checks running now", labels: [])
    static let queued = MetricFamily(name: "danecheck_exporter_probes_waiting", help: "Checks waiting for a free slot", labels: [])
    static let dnsQuestions = MetricFamily(name: "danecheck_exporter_dns_questions_total", help: "DNS questions asked of the shared cache", labels: [])
    static let dnsHits = MetricFamily(name: "danecheck_exporter_dns_cache_hits_total", help: "DNS questions answered from the shared cache (TTLs honoured)", labels: [])
    static let reloadSuccessful = MetricFamily(name: "danecheck_exporter_config_last_reload_successful", help: "1 when the last configuration reload (or the start) succeeded", labels: [])
    static let reloadTime = MetricFamily(name: "danecheck_exporter_config_last_reload_success_timestamp_seconds", help: "When the configuration was last loaded successfully (Unix time)", labels: [])

    /// The DNS statistics last exported, so the counters grow by what was asked since.
    private let lastDNS = Mutex((questions: 0, hits: 0))

    private func add(_ family: MetricFamily, _ values: [String], _ amount: Double) {
        let descriptor = MetricNameDescriptor(metricName: family.name, unitName: "", helpText: family.help)
        registry.makeCounter(descriptor: descriptor, labels: Array(zip(family.labels, values))).increment(by: amount)
    }

    func request(path: String, code: Int) { add(Self.requests, [path, String(code)], 1) }

    func probed(seconds: Double, outcome: String) {
        add(Self.probeSeconds, [], seconds)
        add(Self.probes, [outcome], 1)
    }

    func reloaded(successfully: Bool) {
        Self.reloadSuccessful.set(successfully ? 1 : 0, in: registry)
        if successfully { Self.reloadTime.set(Date().timeIntervalSince1970, in: registry) }
    }

    func page(slots: ProbeSlots) async -> String {
        let (running, waitingNow) = slots.load
        Self.inFlight.set(Double(running), in: registry)
        Self.queued.set(Double(waitingNow), in: registry)
        if let lookups = CommandEnvironment.shared.currentLookups {
            let stats = await lookups.statistics
            let (questions, hits) = lastDNS.withLock { last in
                defer { last = (stats.totalAsked, stats.totalHits) }
                return (max(stats.totalAsked - last.questions, 0), max(stats.totalHits - last.hits, 0))
            }
            add(Self.dnsQuestions, [], Double(questions))
            add(Self.dnsHits, [], Double(hits))
        }
        return registry.emitToString() + (await extra?() ?? "")
    }
}
