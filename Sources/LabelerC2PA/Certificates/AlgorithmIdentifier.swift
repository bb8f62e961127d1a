public import SwiftASN1

/// An X.509 `AlgorithmIdentifier` (RFC 5280 §4.1.1.2), kept as its OID and raw parameters:
///
/// ```
/// AlgorithmIdentifier ::= SEQUENCE {
///     algorithm   OBJECT IDENTIFIER,
///     parameters  ANY DEFINED BY algorithm OPTIONAL }     -- DER verbatim, or nil when absent
/// ```
///
/// Two identifiers are equal when their OIDs and parameter bytes are (what RFC 5280 §4.1.1.2 asks
/// of `signatureAlgorithm` against the TBS `signature` field).
public struct AlgorithmIdentifier: Sendable, Hashable, CustomStringConvertible {
    public var oid: ASN1ObjectIdentifier
    /// The parameters' DER encoding, `nil` when absent.
    public var parameters: [UInt8]?

    public init(oid: ASN1ObjectIdentifier, parameters: [UInt8]? = nil) {
        self.oid = oid
        self.parameters = parameters
    }

    /// Reads the identifier from `node` (a SEQUENCE).
    init(node: ASN1Node?) throws {
        guard let node else { throw CertificateError("missing AlgorithmIdentifier") }
        (oid, parameters) = try DER.sequence(node, identifier: .sequence) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next().map { Array($0.encodedBytes) }
            guard nodes.next() == nil else { throw CertificateError("AlgorithmIdentifier has extra fields") }
            return (oid, parameters)
        }
    }

    public var description: String { Self.names[oid] ?? oid.description }

    /// Whether the parameters are absent or an ASN.1 NULL (`05 00`).
    var parametersAbsentOrNull: Bool { parameters == nil || parameters == [0x05, 0x00] }

    /// Object identifiers of the algorithms C2PA certificates use.
    public enum OID {
        public static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
        public static let rsassaPSS: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 10]
        public static let mgf1: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 8]
        public static let sha256WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 11]
        public static let sha384WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 12]
        public static let sha512WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 13]
        public static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 2, 1]
        public static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 3, 2]
        public static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 3, 3]
        public static let ecdsaWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 3, 4]
        public static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
        public static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
        public static let sha384: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 2]
        public static let sha512: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 3]
        public static let p256: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 3, 1, 7]
        public static let p384: ASN1ObjectIdentifier = [1, 3, 132, 0, 34]
        public static let p521: ASN1ObjectIdentifier = [1, 3, 132, 0, 35]
    }

    private static let names: [ASN1ObjectIdentifier: String] = [
        OID.rsaEncryption: "rsaEncryption", OID.rsassaPSS: "RSASSA-PSS", OID.sha256WithRSA: "sha256WithRSAEncryption",
        OID.sha384WithRSA: "sha384WithRSAEncryption", OID.sha512WithRSA: "sha512WithRSAEncryption",
        OID.ecPublicKey: "id-ecPublicKey", OID.ecdsaWithSHA256: "ecdsa-with-SHA256",
        OID.ecdsaWithSHA384: "ecdsa-with-SHA384", OID.ecdsaWithSHA512: "ecdsa-with-SHA512", OID.ed25519: "Ed25519",
    ]
}
