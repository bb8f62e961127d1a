import CFuzzDriver
import LabelerC2PA

/// The fuzz target: a manifest store parsed and its active manifest validated in full (COSE_Sign1,
/// x5chain and certificate profile, hashed URIs, data hash, ingredients, store structure), with
/// the input itself as the asset. Invariants: the validator never throws or traps, and its state
/// agrees with its statuses (`invalid` exactly when a failure other than an untrusted credential
/// is present).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let store = try? ManifestStore(parsing: bytes) else { return 0 }
    let result = ManifestValidator().validate(store, asset: bytes)
    let serious = result.failures.contains { $0.code != "signingCredential.untrusted" }
    guard serious == (result.state == .invalid) else {
        fatalError("manifest: state \(result.state) vs \(result.failures)")
    }
    guard result.state != .trusted else { fatalError("manifest: trusted without anchors") }
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzManifest_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
