import Foundation

/// libFuzzer's entry point (built only by scripts/fuzz.sh: `-sanitize=fuzzer,address`). One
/// binary holds every target; DANECHECK_FUZZ_TARGET names the one this run exercises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTargets.selected(bytes)
    return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM gives an executable (it links
/// `main` to `danecheck_fuzz_main`, so libFuzzer's own `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("danecheck_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}
