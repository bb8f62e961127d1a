public import SwiftASN1

/// A certificate's `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7), read far enough to know the key's
/// type and size and to hand its bits to swift-crypto:
///
/// ```
/// SubjectPublicKeyInfo ::= SEQUENCE {
///     algorithm          AlgorithmIdentifier,   -- id-ecPublicKey + curve OID | rsaEncryption + NULL
///                                               -- | id-RSASSA-PSS [+ RSASSA-PSS-params] | id-Ed25519
///     subjectPublicKey   BIT STRING }           -- EC point | RSAPublicKey (PKCS#1) | 32 raw bytes
/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }      (RFC 8017 §A.1.1)
/// ```
///
/// An `id-RSASSA-PSS` key (RFC 4055 §1.2) holds the same PKCS#1 `RSAPublicKey` as `rsaEncryption`;
/// swift-certificates refuses it, which is why this reader exists.
public struct PublicKeyInfo: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// EC on a named curve, by OID (P-256/384/521 are the ones C2PA allows).
        case ec(curve: ASN1ObjectIdentifier)
        /// RSA with the modulus size in bits; `pss` for an `id-RSASSA-PSS` key.
        case rsa(bits: Int, pss: Bool)
        case ed25519
        /// Any other algorithm, by OID.
        case other(ASN1ObjectIdentifier)
    }

    /// The whole `SubjectPublicKeyInfo`, DER verbatim.
    public var der: [UInt8]
    public var algorithm: AlgorithmIdentifier
    /// The `subjectPublicKey` bits (PKCS#1 `RSAPublicKey` for RSA keys, the point for EC, 32 bytes for Ed25519).
    public var key: [UInt8]
    public var kind: Kind

    init(node: ASN1Node?) throws {
        guard let node else { throw CertificateError("missing subjectPublicKeyInfo") }
        der = Array(node.encodedBytes)
        (algorithm, key) = try DER.sequence(node, identifier: .sequence) { nodes in
            let algorithm = try AlgorithmIdentifier(node: nodes.next())
            let bits = try ASN1BitString(derEncoded: &nodes)
            guard bits.paddingBits == 0 else { throw CertificateError("subjectPublicKey is not whole bytes") }
            return (algorithm, Array(bits.bytes))
        }
        typealias OID = AlgorithmIdentifier.OID
        switch algorithm.oid {
        case OID.ecPublicKey:
            guard let parameters = algorithm.parameters,
                let curve = try? ASN1ObjectIdentifier(derEncoded: parameters[...])
            else { throw CertificateError("EC key without a named curve") }
            kind = .ec(curve: curve)
        case OID.rsaEncryption, OID.rsassaPSS:
            kind = .rsa(bits: try Self.modulusBits(key), pss: algorithm.oid == OID.rsassaPSS)
        case OID.ed25519:
            guard key.count == 32 else { throw CertificateError("Ed25519 key is not 32 bytes") }
            kind = .ed25519
        default:
            kind = .other(algorithm.oid)
        }
    }

    /// The size in bits of the modulus of a PKCS#1 `RSAPublicKey`.
    static func modulusBits(_ key: [UInt8]) throws -> Int {
        do {
            return try DER.sequence(try DER.parse(key), identifier: .sequence) { nodes in
                let modulus = try ArraySlice<UInt8>(derEncoded: &nodes)
                _ = try ArraySlice<UInt8>(derEncoded: &nodes)
                guard let first = modulus.first(where: { $0 != 0 }),
                    let index = modulus.firstIndex(where: { $0 != 0 })
                else { return 0 }
                return (modulus.endIndex - index - 1) * 8 + (8 - first.leadingZeroBitCount)
            }
        } catch {
            throw CertificateError("RSA key is not a PKCS#1 RSAPublicKey: \(error)")
        }
    }

    public var description: String {
        switch kind {
        case .ec(let curve):
            switch curve {
            case AlgorithmIdentifier.OID.p256: return "EC P-256"
            case AlgorithmIdentifier.OID.p384: return "EC P-384"
            case AlgorithmIdentifier.OID.p521: return "EC P-521"
            default: return "EC curve \(curve)"
            }
        case .rsa(let bits, let pss): return "RSA\(pss ? "-PSS" : "") \(bits)-bit"
        case .ed25519: return "Ed25519"
        case .other(let oid): return "key algorithm \(oid)"
        }
    }
}
