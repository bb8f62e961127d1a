import SwiftASN1

/// Fields read straight from a DER certificate with ``X509Certificate`` (swift-asn1), for keys
/// swift-certificates does not parse (RSA-PSS), so any C2PA signer's leaf can be checked.
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
            return try X509Certificate(derEncoded: der).publicKey.der
        } catch {
            throw COSE.Error.badKey("certificate: \(error)")
        }
    }
}
