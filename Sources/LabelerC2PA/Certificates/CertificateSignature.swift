import Crypto
import SwiftASN1
import _CryptoExtras

/// Checks that a certificate was signed by a key (RFC 5280 §6.1.3 (a)(1)): the issuer's
/// signature over the verbatim `tbsCertificate` bytes, with swift-crypto for every algorithm C2PA
/// allows — ECDSA (DER `Ecdsa-Sig-Value`, RFC 5758 §3.2), RSA PKCS#1 v1.5, RSASSA-PSS (RFC 4055;
/// MGF1 with the same hash, salt = hash length) and Ed25519 (RFC 8410 §6).
///
/// An RSA key serves both paddings whatever its SPKI OID (`rsaEncryption` or `id-RSASSA-PSS`): the
/// `subjectPublicKey` is the same PKCS#1 `RSAPublicKey` (RFC 4055 §1.2).
public enum CertificateSignature {
    /// Whether `certificate`'s signature verifies with `issuerKey`.
    /// - Throws: ``CertificateError`` when the algorithm is not allowed or does not fit the key.
    public static func isValid(_ certificate: X509Certificate, signedBy issuerKey: PublicKeyInfo) throws -> Bool {
        let algorithm = try CertificateSignatureAlgorithm(certificate.signatureAlgorithm)
        let message = certificate.tbsBytes
        let signature = certificate.signature
        do {
            switch (algorithm, issuerKey.kind) {
            case (.ecdsa(let hash), .ec(let curve)):
                return try ecdsa(signature, over: message, hash: hash, curve: curve, spki: issuerKey.der)
            case (.rsaPKCS1(let hash), .rsa), (.rsaPSS(let hash), .rsa):
                let key = try _RSA.Signing.PublicKey(derRepresentation: issuerKey.key)
                let padding: _RSA.Signing.Padding
                if case .rsaPSS = algorithm { padding = .PSS } else { padding = .insecurePKCS1v1_5 }
                let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
                switch hash {
                case .sha256:
                    return key.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: padding)
                case .sha384:
                    return key.isValidSignature(rsaSignature, for: SHA384.hash(data: message), padding: padding)
                case .sha512:
                    return key.isValidSignature(rsaSignature, for: SHA512.hash(data: message), padding: padding)
                }
            case (.ed25519, .ed25519):
                return try Curve25519.Signing.PublicKey(rawRepresentation: issuerKey.key)
                    .isValidSignature(signature, for: message)
            default:
                throw CertificateError("a \(algorithm) signature cannot come from a \(issuerKey) key")
            }
        } catch let error as CertificateError {
            throw error
        } catch {
            throw CertificateError("the issuer's \(issuerKey) key cannot be used: \(error)")
        }
    }

    private static func ecdsa(
        _ signature: [UInt8], over message: [UInt8], hash: CertificateSignatureAlgorithm.Hash,
        curve: ASN1ObjectIdentifier, spki: [UInt8]
    ) throws -> Bool {
        func digest() -> any Digest {
            switch hash {
            case .sha256: return SHA256.hash(data: message)
            case .sha384: return SHA384.hash(data: message)
            case .sha512: return SHA512.hash(data: message)
            }
        }
        switch curve {
        case AlgorithmIdentifier.OID.p256:
            let key = try P256.Signing.PublicKey(derRepresentation: spki)
            guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest())
        case AlgorithmIdentifier.OID.p384:
            let key = try P384.Signing.PublicKey(derRepresentation: spki)
            guard let parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest())
        case AlgorithmIdentifier.OID.p521:
            let key = try P521.Signing.PublicKey(derRepresentation: spki)
            guard let parsed = try? P521.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: digest())
        default:
            throw CertificateError("EC curve \(curve) is not allowed by C2PA")
        }
    }
}
