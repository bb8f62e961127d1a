import Crypto
import SwiftASN1
import X509

/// The object identifiers RFC 3161 tokens use, and the digests and signature algorithms this
/// validator accepts in them (SHA-2; RSA PKCS#1 v1.5, ECDSA, Ed25519 — what TSAs sign with).
enum TimeStampAlgorithms {
    static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 2]
    /// `id-ct-TSTInfo` (RFC 3161 §2.4.2).
    static let tstInfo: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 16, 1, 4]
    static let contentTypeAttribute: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 3]
    static let messageDigestAttribute: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 4]
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    static let sha384: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 2]
    static let sha512: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 3]

    /// The digest of `bytes` under the hash `algorithm`, or `nil` when it is not SHA-2.
    static func digest(_ algorithm: ASN1ObjectIdentifier, of bytes: [UInt8]) -> [UInt8]? {
        switch algorithm {
        case sha256: return Array(SHA256.hash(data: bytes))
        case sha384: return Array(SHA384.hash(data: bytes))
        case sha512: return Array(SHA512.hash(data: bytes))
        default: return nil
        }
    }

    /// The X.509 signature algorithm of a SignerInfo (RFC 5652 §5.3). Many TSAs (OpenSSL among
    /// them) name the key type (`rsaEncryption`, `id-ecPublicKey`) and leave the hash to
    /// `digestAlgorithm`; both spellings are accepted.
    static func signatureAlgorithm(
        _ algorithm: ASN1ObjectIdentifier, digest: ASN1ObjectIdentifier
    ) -> Certificate.SignatureAlgorithm? {
        let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
        let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10045, 2, 1]
        let named: [ASN1ObjectIdentifier: Certificate.SignatureAlgorithm] = [
            [1, 2, 840, 113_549, 1, 1, 11]: .sha256WithRSAEncryption,
            [1, 2, 840, 113_549, 1, 1, 12]: .sha384WithRSAEncryption,
            [1, 2, 840, 113_549, 1, 1, 13]: .sha512WithRSAEncryption,
            [1, 2, 840, 10045, 4, 3, 2]: .ecdsaWithSHA256,
            [1, 2, 840, 10045, 4, 3, 3]: .ecdsaWithSHA384,
            [1, 2, 840, 10045, 4, 3, 4]: .ecdsaWithSHA512,
            [1, 3, 101, 112]: .ed25519,
        ]
        if let algorithm = named[algorithm] { return algorithm }
        let byDigest:
            [ASN1ObjectIdentifier: (rsa: Certificate.SignatureAlgorithm, ecdsa: Certificate.SignatureAlgorithm)] =
                [
                    sha256: (.sha256WithRSAEncryption, .ecdsaWithSHA256),
                    sha384: (.sha384WithRSAEncryption, .ecdsaWithSHA384),
                    sha512: (.sha512WithRSAEncryption, .ecdsaWithSHA512),
                ]
        guard let pair = byDigest[digest] else { return nil }
        if algorithm == rsaEncryption { return pair.rsa }
        if algorithm == ecPublicKey { return pair.ecdsa }
        return nil
    }

    /// `AlgorithmIdentifier { algorithm, parameters NULL }` as TSAs expect it for a hash (RFC 5754 §2).
    static func serializeDigestAlgorithm(_ algorithm: ASN1ObjectIdentifier, into coder: inout DER.Serializer) throws {
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(algorithm)
            try coder.serialize(ASN1Null())
        }
    }
}
