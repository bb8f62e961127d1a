import Crypto
public import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// A signing key with its own root: what `labelctl keygen` writes, shaped as C2PA validators
/// require of a signer (c2pa.md §5.2, c2pa-rs `certificate_profile.rs`):
///
/// | | root | leaf |
/// |---|---|---|
/// | version | 3 | 3 |
/// | basicConstraints | CA, critical | not a CA |
/// | keyUsage | keyCertSign, cRLSign (critical) | digitalSignature (critical) |
/// | extendedKeyUsage | – | emailProtection (c2pa-rs 0.91.3 refuses a leaf whose only EKU is documentSigning) |
/// | key identifiers | SKI | SKI, AKI = root's SKI |
///
/// For development and for owners without a PKI: a validator trusts it once the root is among its
/// anchors (`trust_anchors` in c2pa-rs, `--trust-anchors` later here).
public struct DevelopmentCredentials: Sendable {
    /// The leaf's private key, PKCS#8 PEM.
    public var keyPEM: String
    /// The leaf certificate, PEM (the x5chain: the root is the anchor, not sent).
    public var chainPEM: String
    /// The root certificate, PEM: give it to validators as a trust anchor.
    public var rootPEM: String

    /// New keys (the root's and the leaf's, of `algorithm`: ES256, Ed25519, or PS256 with RSA-2048)
    /// and certificates.
    public static func generate(
        algorithm: COSE.Algorithm, subject: String, now: Date = Date()
    ) throws -> DevelopmentCredentials {
        let rootKey: Certificate.PrivateKey
        let leafKey: Certificate.PrivateKey
        let leafKeyPEM: String
        switch algorithm {
        case .es256:
            rootKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
            let leaf = P256.Signing.PrivateKey()
            leafKey = Certificate.PrivateKey(leaf)
            leafKeyPEM = leaf.pemRepresentation
        case .ed25519:
            rootKey = Certificate.PrivateKey(Curve25519.Signing.PrivateKey())
            let leaf = Curve25519.Signing.PrivateKey()
            leafKey = Certificate.PrivateKey(leaf)
            // PKCS#8 for Ed25519 (RFC 8410 §7): a fixed prefix, then the 32-byte seed.
            let der: [UInt8] =
                [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
                + Array(leaf.rawRepresentation)
            leafKeyPEM = PEMDocument(type: "PRIVATE KEY", derBytes: der).pemString
        case .ps256:
            // rsaEncryption keys, certificates signed sha256WithRSAEncryption (as public CAs issue
            // them; swift-certificates cannot issue PSS-signed ones); the claim is still signed PS256.
            rootKey = Certificate.PrivateKey(try _RSA.Signing.PrivateKey(keySize: .bits2048))
            let leaf = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            leafKey = Certificate.PrivateKey(leaf)
            leafKeyPEM = leaf.pkcs8PEMRepresentation
        default:
            throw COSE.Error.unsupportedAlgorithm(algorithm.rawValue)
        }
        let signatureAlgorithm: Certificate.SignatureAlgorithm
        switch algorithm {
        case .es256: signatureAlgorithm = .ecdsaWithSHA256
        case .ps256: signatureAlgorithm = .sha256WithRSAEncryption
        default: signatureAlgorithm = .ed25519
        }
        let rootName = try DistinguishedName {
            CommonName("\(subject) development root")
            OrganizationName(subject)
        }
        let leafName = try DistinguishedName {
            CommonName("\(subject) content signer")
            OrganizationName(subject)
        }
        let rootIdentifier = keyIdentifier(rootKey.publicKey)
        let root = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: rootKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: rootName, subject: rootName, signatureAlgorithm: signatureAlgorithm,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(keyIdentifier: rootIdentifier[...])
            },
            issuerPrivateKey: rootKey)
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: leafKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(2 * 365 * 86_400),
            issuer: rootName, subject: leafName, signatureAlgorithm: signatureAlgorithm,
            extensions: try Certificate.Extensions {
                BasicConstraints.notCertificateAuthority
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.emailProtection])
                SubjectKeyIdentifier(keyIdentifier: keyIdentifier(leafKey.publicKey)[...])
                AuthorityKeyIdentifier(keyIdentifier: rootIdentifier[...])
            },
            issuerPrivateKey: rootKey)
        return DevelopmentCredentials(
            keyPEM: leafKeyPEM, chainPEM: try leaf.serializeAsPEM().pemString + "\n",
            rootPEM: try root.serializeAsPEM().pemString + "\n")
    }

    /// RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
    private static func keyIdentifier(_ key: Certificate.PublicKey) -> [UInt8] {
        var serializer = DER.Serializer()
        let spki = (try? serializer.serialize(key)).map { serializer.serializedBytes } ?? []
        let bits = (try? SignatureVerifier.subjectPublicKey(of: spki)) ?? spki
        return Array(Insecure.SHA1.hash(data: bits))
    }
}
