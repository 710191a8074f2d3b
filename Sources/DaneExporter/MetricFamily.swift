import Prometheus

/// One metric: its name, help and label names, declared once, so that every series of it has
/// the same labels and help (swift-prometheus stops the process on a mismatch).
struct MetricFamily: Sendable {
    let name: String
    let help: String
    let labels: [String]

    /// Sets one series of the family in `registry`; `values` in the order of `labels`.
    func set(_ value: Double, _ values: [String] = [], in registry: PrometheusCollectorRegistry) {
        precondition(values.count == labels.count, "\(name): \(labels.count) labels, \(values.count) values")
        let descriptor = MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
        registry.makeGauge(descriptor: descriptor, labels: Array(zip(labels, values))).set(value)
    }
}
