import CFuzzDriver
import Foundation
import LabelerC2PA

/// The fuzz target: the certificate reader (`X509Certificate`, swift-asn1) on every input, then
/// what validation does with an accepted certificate — extensions, the C2PA profile, and the
/// signature check against its own key. Whatever it accepts must keep its signed bytes verbatim
/// inside the input; a trap or a broken invariant is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let certificate = try? X509Certificate(derEncoded: bytes) else { return 0 }
    guard (1 ... 3).contains(certificate.version) else { fatalError("x509: version \(certificate.version)") }
    guard let start = (0 ..< bytes.count).first(where: { bytes[$0...].starts(with: certificate.tbsBytes) }),
        start > 0, start + certificate.tbsBytes.count < bytes.count
    else { fatalError("x509: tbsCertificate is not a verbatim part of the input") }
    guard certificate.publicKey.der.count < bytes.count else { fatalError("x509: key larger than the input") }
    _ = try? CertificateExtensions(certificate)
    _ = CertificateProfile().violation(of: certificate, at: Date(timeIntervalSince1970: 1_750_000_000))
    _ = try? CertificateSignature.isValid(certificate, signedBy: certificate.publicKey)
    return 0
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzX509_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
