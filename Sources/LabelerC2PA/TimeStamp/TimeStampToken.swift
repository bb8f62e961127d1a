import SwiftASN1

/// An RFC 3161 time-stamp token as C2PA stores it in `sigTst2` (C2PA 2.x §10.3.2.5): the DER
/// `ContentInfo` of a CMS SignedData whose content is a ``TSTInfo`` (RFC 3161 §2.4.2,
/// RFC 5652 §3 and §5):
///
/// ```
/// ContentInfo ::= SEQUENCE { contentType OID (1.2.840.113549.1.7.2 signedData),
///                            content [0] EXPLICIT SignedData }
/// SignedData  ::= SEQUENCE {
///   version           CMSVersion,
///   digestAlgorithms  SET OF DigestAlgorithmIdentifier,
///   encapContentInfo  SEQUENCE { eContentType OID (1.2.840.113549.1.9.16.1.4 id-ct-TSTInfo),
///                                eContent [0] EXPLICIT OCTET STRING (DER TSTInfo) },
///   certificates  [0] IMPLICIT CertificateSet OPTIONAL,    -- the TSA's, when certReq was true
///   crls          [1] IMPLICIT RevocationInfoChoices OPTIONAL,
///   signerInfos       SET OF SignerInfo }                  -- exactly one (RFC 3161 §2.4.2)
/// ```
///
/// Parsing checks the shape only; ``verify(imprintOf:)`` checks what the token claims. The input
/// is untrusted: every failure is a ``TimeStampError``, never a trap.
public struct TimeStampToken: Sendable, Hashable {
    /// The token's DER, verbatim.
    public let der: [UInt8]
    public let info: TSTInfo
    /// The DER certificates the token carries (the TSA's first when it can be identified).
    public let certificates: [[UInt8]]
    /// The DER TSTInfo (`eContent`), the bytes `messageDigest` covers.
    let encapsulatedContent: [UInt8]
    let signer: TimeStampSignerInfo

    /// Parses a DER `ContentInfo`.
    /// - Throws: ``TimeStampError/malformed(_:)``.
    public init(derEncoded bytes: [UInt8]) throws(TimeStampError) {
        der = bytes
        var contentInfo = try DERFields(parsing: bytes[...], structure: "ContentInfo")
        let type = try DERFields.decode(
            ASN1ObjectIdentifier.self, try contentInfo.next("contentType"), "ContentInfo contentType")
        guard type == TimeStampAlgorithms.signedData else { throw .malformed("ContentInfo is \(type), not signedData") }
        let explicit = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        var wrapper = try DERFields(try contentInfo.next("content"), explicit, structure: "ContentInfo content")
        var signedData = try DERFields(try wrapper.next("SignedData"), structure: "SignedData")
        _ = try signedData.next("version", .integer)
        _ = try signedData.next("digestAlgorithms", .set)
        var encapsulated = try DERFields(try signedData.next("encapContentInfo"), structure: "EncapsulatedContentInfo")
        let contentType = try DERFields.decode(
            ASN1ObjectIdentifier.self, try encapsulated.next("eContentType"), "eContentType")
        guard contentType == TimeStampAlgorithms.tstInfo else {
            throw .malformed("the token's content is \(contentType), not id-ct-TSTInfo")
        }
        var eContent = try DERFields(try encapsulated.next("eContent"), explicit, structure: "eContent")
        encapsulatedContent = try DERFields.primitive(try eContent.next("OCTET STRING", .octetString), "eContent")
        info = try TSTInfo(derEncoded: encapsulatedContent[...])
        var certificates: [[UInt8]] = []
        if let set = signedData.optional(explicit) {
            var children = try DERFields(set, explicit, structure: "certificates")
            while !children.isAtEnd {
                // CertificateChoices: only plain certificates (SEQUENCE) are kept.
                let certificate = try children.next("certificate")
                if certificate.identifier == .sequence { certificates.append(Array(certificate.encodedBytes)) }
            }
        }
        _ = signedData.optional(ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific))  // crls
        var signerInfos = try DERFields(try signedData.next("signerInfos", .set), .set, structure: "signerInfos")
        signer = try TimeStampSignerInfo(try signerInfos.next("SignerInfo"))
        guard signerInfos.isAtEnd else { throw .malformed("the token has more than one SignerInfo") }
        self.certificates = certificates
    }
}
