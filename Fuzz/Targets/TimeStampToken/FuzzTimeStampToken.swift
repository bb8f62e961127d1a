import CFuzzDriver
import LabelerC2PA

/// The fuzz target: the RFC 3161 token parser and verifier (`TimeStampToken`, untrusted input
/// from a file's `sigTst2`) and the TimeStampResp parser. A token that parses is verified against
/// a fixed message: any outcome is a value or a `TimeStampError`; a trap is a crash. A parsed
/// token must keep its bytes verbatim.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TimeStampResponse(derEncoded: bytes).grantedToken()
    guard let token = try? TimeStampToken(derEncoded: bytes) else { return 0 }
    guard token.der == bytes else { fatalError("tst-token: the token's DER is not the input") }
    _ = try? token.verify(imprintOf: Array("fuzz".utf8))
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzTimeStampToken_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
