import SwiftASN1

/// The one SignerInfo of a time-stamp token (RFC 5652 §5.3), with the bytes its signature covers:
///
/// ```
/// SignerInfo ::= SEQUENCE {
///   version             CMSVersion,                             -- 1 (issuerAndSerialNumber) or 3 ([0] keyId)
///   sid                 SignerIdentifier,                       -- SEQUENCE { issuer Name, serialNumber INTEGER }
///                                                               -- | [0] SubjectKeyIdentifier
///   digestAlgorithm     DigestAlgorithmIdentifier,
///   signedAttrs     [0] IMPLICIT SET OF Attribute OPTIONAL,     -- Attribute ::= SEQUENCE { attrType OID,
///                                                               --                 attrValues SET OF ANY }
///   signatureAlgorithm  SignatureAlgorithmIdentifier,
///   signature           OCTET STRING,
///   unsignedAttrs   [1] IMPLICIT SET OF Attribute OPTIONAL }
/// ```
/// RFC 5652 §5.4: with signed attributes, the signature is over their DER with the `SET OF` tag
/// (`31`), not the `[0] IMPLICIT` tag (`A0`) they are stored under.
struct TimeStampSignerInfo: Sendable, Hashable {
    enum Identifier: Sendable, Hashable {
        /// The issuer Name's DER and the serial number's content octets.
        case issuerAndSerial(issuer: [UInt8], serial: [UInt8])
        case subjectKeyIdentifier([UInt8])
    }

    var identifier: Identifier
    var digestAlgorithm: ASN1ObjectIdentifier
    var signatureAlgorithm: ASN1ObjectIdentifier
    var signature: [UInt8]
    /// The DER of the signed attributes, re-tagged `SET OF` (the bytes the signature covers).
    var signedAttributes: [UInt8]
    /// The `messageDigest` attribute (RFC 5652 §11.2).
    var messageDigest: [UInt8]?
    /// The `contentType` attribute (RFC 5652 §11.1).
    var contentType: ASN1ObjectIdentifier?

    init(_ node: ASN1Node) throws(TimeStampError) {
        var fields = try DERFields(node, structure: "SignerInfo")
        _ = try fields.next("version", .integer)
        let sid = try fields.next("sid")
        let keyIDTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        if sid.identifier == keyIDTag {
            identifier = .subjectKeyIdentifier(try DERFields.primitive(sid, "subjectKeyIdentifier"))
        } else {
            var issuerAndSerial = try DERFields(sid, structure: "IssuerAndSerialNumber")
            let issuer = try issuerAndSerial.next("issuer", .sequence)
            let serial = try DERFields.primitive(try issuerAndSerial.next("serialNumber", .integer), "serialNumber")
            identifier = .issuerAndSerial(issuer: Array(issuer.encodedBytes), serial: serial)
        }
        digestAlgorithm = try Self.algorithm(try fields.next("digestAlgorithm"), "digestAlgorithm")
        let signedTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        guard let signed = fields.optional(signedTag) else {
            // RFC 3161 §2.4.1: the ESS signing-certificate attribute is required, so tokens have signed attributes.
            throw .malformed("SignerInfo: no signed attributes")
        }
        var attributes = Array(signed.encodedBytes)
        attributes[0] = 0x31  // [0] IMPLICIT (A0) → SET OF (31); one identifier byte either way
        signedAttributes = attributes
        var messageDigest: [UInt8]?
        var contentType: ASN1ObjectIdentifier?
        var set = try DERFields(signed, signedTag, structure: "signedAttrs")
        while !set.isAtEnd {
            var attribute = try DERFields(try set.next("Attribute"), structure: "Attribute")
            let type = try DERFields.decode(ASN1ObjectIdentifier.self, try attribute.next("attrType"), "attrType")
            var values = try DERFields(try attribute.next("attrValues"), .set, structure: "attrValues")
            if type == TimeStampAlgorithms.messageDigestAttribute {
                messageDigest = try DERFields.primitive(try values.next("messageDigest", .octetString), "messageDigest")
            } else if type == TimeStampAlgorithms.contentTypeAttribute {
                contentType = try DERFields.decode(
                    ASN1ObjectIdentifier.self, try values.next("contentType"), "contentType")
            }
        }
        self.messageDigest = messageDigest
        self.contentType = contentType
        signatureAlgorithm = try Self.algorithm(try fields.next("signatureAlgorithm"), "signatureAlgorithm")
        signature = try DERFields.primitive(try fields.next("signature", .octetString), "signature")
    }

    /// The OID of an `AlgorithmIdentifier` (parameters ignored: NULL or absent for SHA-2 and
    /// the signature algorithms accepted here).
    static func algorithm(_ node: ASN1Node, _ field: String) throws(TimeStampError) -> ASN1ObjectIdentifier {
        var fields = try DERFields(node, structure: field)
        return try DERFields.decode(ASN1ObjectIdentifier.self, try fields.next("algorithm"), field)
    }
}
