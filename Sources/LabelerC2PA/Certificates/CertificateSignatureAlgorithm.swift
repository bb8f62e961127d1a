import SwiftASN1

/// The signature algorithms C2PA allows on certificates (C2PA 2.x §14.5.1; c2pa.md §5.2 rule 3),
/// resolved from an ``AlgorithmIdentifier``. Anything else is refused by name.
///
/// RSASSA-PSS carries its parameters (RFC 4055 §3.1); all four are explicit in practice because
/// every default is SHA-1, which C2PA does not allow:
///
/// ```
/// RSASSA-PSS-params ::= SEQUENCE {
///     hashAlgorithm      [0] HashAlgorithm    DEFAULT sha1,
///     maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1,   -- { id-mgf1, HashAlgorithm }
///     saltLength         [2] INTEGER          DEFAULT 20,
///     trailerField       [3] INTEGER          DEFAULT 1 }
/// ```
///
/// Accepted: SHA-256/384/512, MGF1 with the same hash, salt length = hash length (what
/// `_CryptoExtras` verifies), trailer 1.
public enum CertificateSignatureAlgorithm: Sendable, Hashable, CustomStringConvertible {
    public enum Hash: Int, Sendable, Hashable {
        case sha256 = 32
        case sha384 = 48
        case sha512 = 64

        init?(oid: ASN1ObjectIdentifier) {
            switch oid {
            case AlgorithmIdentifier.OID.sha256: self = .sha256
            case AlgorithmIdentifier.OID.sha384: self = .sha384
            case AlgorithmIdentifier.OID.sha512: self = .sha512
            default: return nil
            }
        }
    }

    case ecdsa(Hash)
    case rsaPKCS1(Hash)
    case rsaPSS(Hash)
    case ed25519

    /// - Throws: ``CertificateError`` naming the algorithm when C2PA does not allow it.
    public init(_ identifier: AlgorithmIdentifier) throws {
        typealias OID = AlgorithmIdentifier.OID
        switch identifier.oid {
        case OID.ecdsaWithSHA256: self = .ecdsa(.sha256)
        case OID.ecdsaWithSHA384: self = .ecdsa(.sha384)
        case OID.ecdsaWithSHA512: self = .ecdsa(.sha512)
        case OID.sha256WithRSA: self = .rsaPKCS1(.sha256)
        case OID.sha384WithRSA: self = .rsaPKCS1(.sha384)
        case OID.sha512WithRSA: self = .rsaPKCS1(.sha512)
        case OID.ed25519: self = .ed25519
        case OID.rsassaPSS:
            guard let parameters = identifier.parameters else {
                throw CertificateError("RSASSA-PSS without parameters (SHA-1 defaults are not allowed)")
            }
            self = .rsaPSS(try Self.pssHash(parameters))
        default:
            throw CertificateError("signature algorithm \(identifier) is not allowed by C2PA")
        }
    }

    /// The hash of RSASSA-PSS parameters, checked as described above.
    static func pssHash(_ parameters: [UInt8]) throws -> Hash {
        do {
            return try DER.sequence(try DER.parse(parameters), identifier: .sequence) { nodes in
                let hashID = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    try AlgorithmIdentifier(node: $0)
                }
                let mgf = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                    try AlgorithmIdentifier(node: $0)
                }
                let salt = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 2, tagClass: .contextSpecific) {
                    try Int(derEncoded: $0)
                }
                let trailer = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 3, tagClass: .contextSpecific) {
                    try Int(derEncoded: $0)
                }
                guard let hashID, let hash = Hash(oid: hashID.oid) else {
                    throw CertificateError("RSASSA-PSS hash is not SHA-256/384/512")
                }
                guard let mgf, mgf.oid == AlgorithmIdentifier.OID.mgf1, let mgfParameters = mgf.parameters,
                    try AlgorithmIdentifier(node: try DER.parse(mgfParameters)).oid == hashID.oid
                else { throw CertificateError("RSASSA-PSS mask generation is not MGF1 with the same hash") }
                guard salt == hash.rawValue else {
                    throw CertificateError(
                        "RSASSA-PSS salt length \(salt ?? 20) is not the hash length \(hash.rawValue)")
                }
                guard trailer == nil || trailer == 1 else {
                    throw CertificateError("RSASSA-PSS trailer field is not 1")
                }
                return hash
            }
        } catch let error as CertificateError {
            throw error
        } catch {
            throw CertificateError("RSASSA-PSS parameters: \(error)")
        }
    }

    public var description: String {
        switch self {
        case .ecdsa(let hash): return "ecdsa-with-SHA\(hash.rawValue * 8)"
        case .rsaPKCS1(let hash): return "sha\(hash.rawValue * 8)WithRSAEncryption"
        case .rsaPSS(let hash): return "RSASSA-PSS/SHA-\(hash.rawValue * 8)"
        case .ed25519: return "Ed25519"
        }
    }
}
