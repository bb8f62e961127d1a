import SwiftASN1

/// Fields read straight from a DER certificate with swift-asn1, for keys swift-certificates does
/// not parse (RSA-PSS), so any C2PA signer's leaf can be checked.
///
/// ```
/// Certificate ::= SEQUENCE { tbsCertificate TBSCertificate, signatureAlgorithm, signatureValue }
/// TBSCertificate ::= SEQUENCE { version [0] EXPLICIT OPTIONAL, serialNumber, signature, issuer,
///                               validity, subject, subjectPublicKeyInfo, … }      (RFC 5280 §4.1)
/// ```
public enum CertificateFields {
    /// The DER `SubjectPublicKeyInfo` of the certificate `der`, verbatim.
    /// - Throws: ``COSE/Error/badKey(_:)`` when the structure is not a certificate.
    public static func subjectPublicKeyInfo(ofCertificate der: [UInt8]) throws -> [UInt8] {
        do {
            let root = try DER.parse(der)
            guard case .constructed(let certificate) = root.content, let tbs = certificate.first(where: { _ in true }),
                case .constructed(let fields) = tbs.content
            else { throw COSE.Error.badKey("not a certificate") }
            var remaining = Array(fields)
            if let first = remaining.first,
                first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
            {
                remaining.removeFirst()  // version
            }
            // serialNumber, signature, issuer, validity, subject, then the key.
            guard remaining.count > 5, remaining[5].identifier == .sequence else {
                throw COSE.Error.badKey("certificate has no subjectPublicKeyInfo")
            }
            return Array(remaining[5].encodedBytes)
        } catch let error as COSE.Error {
            throw error
        } catch {
            throw COSE.Error.badKey("certificate: \(error)")
        }
    }
}
