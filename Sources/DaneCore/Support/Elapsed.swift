extension ContinuousClock.Instant {
    /// Milliseconds from this instant until now.
    var millisecondsElapsed: Double {
        let elapsed = ContinuousClock.now - self
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
