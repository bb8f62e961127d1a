import CFuzzDriver
import LabelerC2PA

/// The fuzz target: the C2PA text manifest wrapper decoder (C2PA 2.4 §A.8) and the text validator
/// on every input, as UTF-8 or not. A wrapper it finds must sit inside the input, start with
/// U+FEFF, and begin with the unpadded encoding of the store it returned; a trap is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let found = try? TextManifestWrapper.find(in: bytes) {
        guard found.range.lowerBound >= 0, found.range.upperBound <= bytes.count else {
            fatalError("text wrapper: range \(found.range) outside \(bytes.count) bytes")
        }
        guard bytes[found.range].starts(with: TextManifestWrapper.marker) else {
            fatalError("text wrapper: the range does not start with U+FEFF")
        }
        guard let encoded = try? TextManifestWrapper.encode(store: found.store),
            bytes[found.range].starts(with: encoded)
        else {
            fatalError("text wrapper: the store does not re-encode to the wrapper's first bytes")
        }
    }
    _ = TextManifestValidator().validate(bytes)
    _ = TextBinding.nfc(bytes)
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzTextWrapper_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
