import CFuzzDriver
@_spi(Fuzzing) import Labeler

/// The fuzz target: FuzzEntryPoints.config on every input; a broken invariant is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let problem = FuzzEntryPoints.config(UnsafeRawBufferPointer(start: data, count: size)) {
        fatalError("config: \(problem)")
    }
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzConfig_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
