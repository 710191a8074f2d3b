import Synchronization

/// The names tab completion offers (domains and hosts in the cache): written by the session after
/// each command, read by libedit's completion callback on the line-reading thread.
final class CompletionNames: Sendable {
    private let names = Mutex<[String]>([])

    var current: [String] { names.withLock { $0 } }

    func replace(with new: [String]) { names.withLock { $0 = new } }
}
