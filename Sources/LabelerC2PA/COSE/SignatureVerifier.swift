import Crypto
import SwiftASN1
import _CryptoExtras

/// Checks a raw signature against a public key given as DER `SubjectPublicKeyInfo`, for every
/// algorithm C2PA allows.
///
/// ECDSA signatures are COSE's fixed-width `r‖s` (RFC 9053 §2.1); EdDSA is Ed25519; PSS uses
/// MGF1 with the same hash and a salt as long as the hash (RFC 8230 §2). swift-certificates does
/// not read RSA-PSS keys (`id-RSASSA-PSS`, with parameters), so RSA keys are taken from the SPKI
/// with swift-asn1 and handed to `_CryptoExtras` as PKCS#1.
public enum SignatureVerifier {
    /// Whether `signature` over `message` verifies with `spki` under `algorithm`.
    /// - Throws: ``COSE/Error/badKey(_:)`` when the key cannot be read for that algorithm.
    public static func isValid(
        _ signature: [UInt8], over message: [UInt8], spki: [UInt8], algorithm: COSE.Algorithm
    ) throws -> Bool {
        do {
            switch algorithm {
            case .es256:
                let key = try P256.Signing.PublicKey(derRepresentation: spki)
                guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return key.isValidSignature(parsed, for: SHA256.hash(data: message))
            case .es384:
                let key = try P384.Signing.PublicKey(derRepresentation: spki)
                guard let parsed = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return key.isValidSignature(parsed, for: SHA384.hash(data: message))
            case .es512:
                let key = try P521.Signing.PublicKey(derRepresentation: spki)
                guard let parsed = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
                return key.isValidSignature(parsed, for: SHA512.hash(data: message))
            case .ed25519:
                let key = try Curve25519.Signing.PublicKey(rawRepresentation: try subjectPublicKey(of: spki))
                return key.isValidSignature(signature, for: message)
            case .ps256, .ps384, .ps512:
                let key = try _RSA.Signing.PublicKey(derRepresentation: try subjectPublicKey(of: spki))
                let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
                switch algorithm {
                case .ps256: return key.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: .PSS)
                case .ps384: return key.isValidSignature(rsaSignature, for: SHA384.hash(data: message), padding: .PSS)
                default: return key.isValidSignature(rsaSignature, for: SHA512.hash(data: message), padding: .PSS)
                }
            }
        } catch let error as COSE.Error {
            throw error
        } catch {
            throw COSE.Error.badKey("\(algorithm) key: \(error)")
        }
    }

    /// The `subjectPublicKey` BIT STRING of a DER `SubjectPublicKeyInfo` (RFC 5280 §4.1):
    /// `SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }`.
    static func subjectPublicKey(of spki: [UInt8]) throws -> [UInt8] {
        let root = try DER.parse(spki)
        return try DER.sequence(root, identifier: .sequence) { nodes in
            guard let algorithm = nodes.next(), algorithm.identifier == .sequence else {
                throw COSE.Error.badKey("SubjectPublicKeyInfo has no algorithm")
            }
            let key = try ASN1BitString(derEncoded: &nodes)
            return Array(key.bytes)
        }
    }
}
