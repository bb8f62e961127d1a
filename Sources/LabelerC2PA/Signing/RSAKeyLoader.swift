import SwiftASN1
import _CryptoExtras

/// RSA private keys from PEM for ``LocalSigner``, and the PSS algorithm a leaf's key calls for.
///
/// `_RSA.Signing.PrivateKey(pemRepresentation:)` reads PKCS#8 `rsaEncryption` and PKCS#1 keys;
/// a PKCS#8 key whose algorithm is `id-RSASSA-PSS` (what c2pa-rs' `ps256.pem` is) is unwrapped here
/// to the PKCS#1 `RSAPrivateKey` it holds:
///
/// ```
/// PrivateKeyInfo ::= SEQUENCE {            -- RFC 5208 §5
///     version             INTEGER (0),
///     privateKeyAlgorithm AlgorithmIdentifier,   -- id-RSASSA-PSS [+ RSASSA-PSS-params]
///     privateKey          OCTET STRING,          -- RSAPrivateKey (RFC 8017 §A.1.2)
///     attributes      [0] IMPLICIT … OPTIONAL }
/// ```
enum RSAKeyLoader {
    /// The key in `pem`, or `nil` when it is not an RSA key of 2048 bits or more.
    static func privateKey(pem: String) -> _RSA.Signing.PrivateKey? {
        if let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem) { return key }
        guard let der = PEM.blocks(in: pem, type: "PRIVATE KEY").first,
            let inner = try? pkcs1(fromPKCS8: der)
        else { return nil }
        return try? _RSA.Signing.PrivateKey(derRepresentation: inner)
    }

    /// The PKCS#1 key inside a PKCS#8 `PrivateKeyInfo` whose algorithm is RSA or RSA-PSS.
    static func pkcs1(fromPKCS8 der: [UInt8]) throws -> [UInt8] {
        try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
            _ = try Int(derEncoded: &nodes)
            let algorithm = try AlgorithmIdentifier(node: nodes.next())
            guard [AlgorithmIdentifier.OID.rsaEncryption, AlgorithmIdentifier.OID.rsassaPSS].contains(algorithm.oid)
            else { throw CertificateError("not an RSA key") }
            let key = try ASN1OctetString(derEncoded: &nodes)
            while nodes.next() != nil {}
            return Array(key.bytes)
        }
    }

    /// PS256, or PS384/PS512 for an `id-RSASSA-PSS` key whose parameters restrict it to that hash
    /// (RFC 4055 §1.2).
    static func algorithm(for key: PublicKeyInfo) throws -> COSE.Algorithm {
        guard key.algorithm.oid == AlgorithmIdentifier.OID.rsassaPSS, let parameters = key.algorithm.parameters else {
            return .ps256
        }
        switch try CertificateSignatureAlgorithm.pssHash(parameters) {
        case .sha256: return .ps256
        case .sha384: return .ps384
        case .sha512: return .ps512
        }
    }
}
