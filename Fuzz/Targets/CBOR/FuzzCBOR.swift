import CFuzzDriver
import LabelerC2PA

/// The fuzz target: the strict CBOR decoder on every input. Whatever it accepts must re-encode
/// deterministically to bytes that the deterministic decoder accepts and that decode to the same
/// value (NaN aside); a trap or a broken invariant is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? CBOR.Decoder.decode(bytes) else { return 0 }
    let encoded = value.encoded
    guard let again = try? CBOR.Decoder.decode(encoded, limits: .init(deterministic: true)) else {
        fatalError("cbor: a decoded value re-encodes to bytes the deterministic decoder refuses")
    }
    guard again.encoded == encoded else { fatalError("cbor: deterministic encoding is not stable") }
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzCBOR_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
