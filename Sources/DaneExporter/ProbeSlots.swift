/// At most `limit` checks at once; the others wait their turn in order (a scrape of 500 domains
/// every minute must not open 500 × addresses connections at once).
actor ProbeSlots {
    private let limit: Int
    private var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()  // the slot passes to the next in line
        }
    }

    var load: (running: Int, waiting: Int) { (running, waiters.count) }
}
