import Testing
import DaneCore

struct HeapTrimTests {
    /// glibc has malloc_trim: a batch's trim is not silently skipped here.
    @Test func glibcsMallocTrimIsFound() {
        #expect(HeapTrim.now())
    }
}
