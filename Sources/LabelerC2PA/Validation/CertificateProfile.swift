public import Foundation
public import SwiftASN1

/// The C2PA signing-certificate profile (C2PA 2.x §14.5.1), as c2pa-rs enforces it when signing
/// and when reading (`certificate_profile.rs`; c2pa.md §5.2). Each rule has a name, so a refusal
/// says which one failed:
///
/// | rule | requirement | code |
/// |---|---|---|
/// | `version` | X.509 v3, no unique identifiers (RFC 5280 §4.1.2.1, §4.1.2.8) | invalid |
/// | `validity` | notBefore ≤ validation time ≤ notAfter (§4.1.2.5) | **expired** |
/// | `signatureAlgorithm` | ECDSA/RSA-PKCS#1 with SHA-2, RSASSA-PSS (SHA-2, MGF1 same hash), Ed25519 | invalid |
/// | `publicKey` | EC P-256/384/521, RSA ≥ 2048 bits, Ed25519 | invalid |
/// | `basicConstraints` | the signer is not a CA (`cA` TRUE is refused) | invalid |
/// | `authorityKeyIdentifier` | present (§4.2.1.1) | invalid |
/// | `keyUsage` | present, asserting digitalSignature, nonRepudiation or keyCertSign (§4.2.1.3) | invalid |
/// | `extendedKeyUsage` | present, not anyExtendedKeyUsage, holding an allowed purpose; timeStamping or OCSPSigning only alone (§4.2.1.12) | invalid |
/// | `criticalExtension` | no critical extension this reader does not know (§4.2) | invalid |
///
/// The validation time is explicit: the signing time from a trusted time-stamp when there is
/// one, else now.
public struct CertificateProfile: Sendable {
    /// A broken rule: its name and what was found.
    public struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
        public var rule: String
        public var detail: String
        /// `signingCredential.expired` for the validity rule, else `signingCredential.invalid`.
        public var code: String { rule == "validity" ? "signingCredential.expired" : "signingCredential.invalid" }
        public var description: String { "certificate profile, \(rule): \(detail)" }
    }

    /// Extended key usages a C2PA signer may carry (c2pa-rs `valid_eku_oids.cfg` and its built-ins).
    public static let allowedPurposes: [ASN1ObjectIdentifier: String] = [
        Purpose.emailProtection: "emailProtection", Purpose.documentSigning: "documentSigning",
        Purpose.timeStamping: "timeStamping", Purpose.ocspSigning: "OCSPSigning",
        [1, 3, 6, 1, 4, 1, 311, 76, 59, 1, 9]: "Microsoft C2PA signing",
        [1, 3, 6, 1, 4, 1, 62_558, 2, 1]: "C2PA signing",
    ]

    public enum Purpose {
        public static let any: ASN1ObjectIdentifier = [2, 5, 29, 37, 0]
        public static let emailProtection: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 4]
        public static let timeStamping: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 8]
        public static let ocspSigning: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 9]
        public static let documentSigning: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 3, 36]
    }

    public init() {}

    /// The first rule the end-entity certificate `leaf` breaks at `time`, or `nil` when it fits.
    public func violation(of leaf: X509Certificate, at time: Date = Date()) -> Violation? {
        func fail(_ rule: String, _ detail: String) -> Violation { Violation(rule: rule, detail: detail) }
        guard leaf.version == 3 else { return fail("version", "X.509 v\(leaf.version), not v3") }
        guard !leaf.hasUniqueIdentifiers else { return fail("version", "issuer/subject unique identifiers present") }
        do {
            _ = try CertificateSignatureAlgorithm(leaf.signatureAlgorithm)
        } catch {
            return fail("signatureAlgorithm", "\(error)")
        }
        switch leaf.publicKey.kind {
        case .ec(let curve):
            let allowed = [AlgorithmIdentifier.OID.p256, AlgorithmIdentifier.OID.p384, AlgorithmIdentifier.OID.p521]
            guard allowed.contains(curve) else { return fail("publicKey", "\(leaf.publicKey) is not P-256/384/521") }
        case .rsa(let bits, _):
            guard bits >= 2048 else { return fail("publicKey", "\(leaf.publicKey): RSA keys need 2048 bits or more") }
        case .ed25519: break
        case .other: return fail("publicKey", "\(leaf.publicKey) is not allowed by C2PA")
        }
        let extensions: CertificateExtensions
        do {
            extensions = try CertificateExtensions(leaf)
        } catch {
            return fail("extensions", "\(error)")
        }
        guard !extensions.isCA else { return fail("basicConstraints", "the signer is a CA (cA TRUE)") }
        guard extensions.hasAuthorityKeyIdentifier else {
            return fail("authorityKeyIdentifier", "no authority key identifier extension")
        }
        guard let usage = extensions.keyUsage else { return fail("keyUsage", "no key usage extension") }
        guard !usage.isDisjoint(with: [.digitalSignature, .nonRepudiation, .keyCertSign]) else {
            return fail("keyUsage", "asserts neither digitalSignature, nonRepudiation nor keyCertSign")
        }
        if let violation = purposeViolation(extensions.extendedKeyUsage) { return fail("extendedKeyUsage", violation) }
        if let unknown = extensions.unknownCritical.first {
            return fail("criticalExtension", "unknown critical extension \(unknown)")
        }
        guard leaf.isValid(at: time) else {
            return fail(
                "validity",
                "valid \(leaf.notBefore) to \(leaf.notAfter), not at \(time)")
        }
        return nil
    }

    private func purposeViolation(_ purposes: [ASN1ObjectIdentifier]?) -> String? {
        guard let purposes else { return "no extended key usage extension" }
        if purposes.contains(Purpose.any) { return "anyExtendedKeyUsage is not allowed" }
        guard purposes.contains(where: { Self.allowedPurposes[$0] != nil }) else {
            return "none of the allowed purposes (emailProtection, documentSigning, C2PA signing, …) in \(purposes)"
        }
        for single in [Purpose.timeStamping, Purpose.ocspSigning] where purposes.contains(single) && purposes.count > 1
        {
            return "\(Self.allowedPurposes[single] ?? "\(single)") must be the only purpose"
        }
        return nil
    }
}
