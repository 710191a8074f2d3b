import DaneCore

/// At most `limit` checks at once; the others wait their turn in order (a scrape of 500 domains
/// every minute must not open 500 × addresses connections at once). A scrape that ends while
/// it waits leaves the line.
typealias ProbeSlots = AsyncSemaphore

extension AsyncSemaphore {
    convenience init(limit: Int) { self.init(limit) }
}
