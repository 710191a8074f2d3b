import Foundation

/// Gives the C heap's free pages back to the kernel (glibc's malloc_trim). glibc keeps what a
/// batch frees inside each of its arenas; over 10,000 domains that was ~8 MB of peak RSS that
/// nothing used. Looked up with dlsym, so that a C library without it (musl) skips it.
public enum HeapTrim {
    /// A batch trims after every this many finished domains.
    public static let interval = 500

    nonisolated(unsafe) private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }  // nil: RTLD_DEFAULT
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// True when the heap could be trimmed (the C library has malloc_trim).
    @discardableResult
    public static func now() -> Bool {
        guard let trim else { return false }
        _ = trim(0)
        return true
    }
}
