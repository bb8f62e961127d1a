public import Foundation
import SwiftASN1
import X509

extension TimeStampToken {
    /// What a verified token attests, and who signed it.
    public struct Verified: Sendable, Hashable {
        public var genTime: Date
        /// The TSA certificate's subject, RFC 4514 style.
        public var authority: String
        /// The TSA certificate first, then the token's other certificates (for path validation).
        public var chain: [[UInt8]]
    }

    /// Checks that the token time-stamps `message` (RFC 3161 §2.4.2, RFC 5652 §5.4–§5.6):
    /// 1. `messageImprint` is the hash of `message` under its (SHA-2) algorithm;
    /// 2. the signer's certificate is in the token, has the `timeStamping` extended key usage
    ///    (RFC 3161 §2.3), and was valid at `genTime`;
    /// 3. `contentType` is id-ct-TSTInfo and `messageDigest` is the hash of the encapsulated
    ///    TSTInfo under the signer's digest algorithm;
    /// 4. the CMS signature over the DER signed attributes verifies with that certificate's key.
    ///
    /// Whether the TSA is trusted is a separate question (``TrustAnchors``).
    /// - Throws: ``TimeStampError/mismatch(_:)``, ``TimeStampError/malformed(_:)`` or
    ///   ``TimeStampError/outsideValidity(_:)``.
    public func verify(imprintOf message: [UInt8]) throws(TimeStampError) -> Verified {
        guard let imprint = TimeStampAlgorithms.digest(info.imprintAlgorithmOID, of: message) else {
            throw .malformed("unsupported imprint hash \(info.imprintAlgorithm)")
        }
        guard imprint == info.hashedMessage else {
            throw .mismatch("the token's message imprint is not the hash of this signature")
        }
        let (index, certificate) = try signingCertificate()
        let usage: ExtendedKeyUsage?
        do { usage = try certificate.extensions.extendedKeyUsage } catch {
            throw .malformed("the TSA certificate's extended key usage cannot be read: \(error)")
        }
        guard let usage, usage.contains(.timeStamping) else {
            throw .mismatch("the TSA certificate lacks the timeStamping extended key usage")
        }
        guard signer.contentType == TimeStampAlgorithms.tstInfo else {
            throw .mismatch("the signed contentType attribute is not id-ct-TSTInfo")
        }
        guard let digest = TimeStampAlgorithms.digest(signer.digestAlgorithm, of: encapsulatedContent) else {
            throw .malformed("unsupported digest algorithm \(signer.digestAlgorithm)")
        }
        guard let messageDigest = signer.messageDigest, messageDigest == digest else {
            throw .mismatch("the signed messageDigest is not the hash of the TSTInfo")
        }
        guard
            let algorithm = TimeStampAlgorithms.signatureAlgorithm(
                signer.signatureAlgorithm, digest: signer.digestAlgorithm)
        else {
            throw .malformed("unsupported signature algorithm \(signer.signatureAlgorithm)")
        }
        guard
            certificate.publicKey.isValidSignature(
                signer.signature, for: signer.signedAttributes, signatureAlgorithm: algorithm)
        else {
            throw .mismatch("the TSA's signature over the token does not verify")
        }
        guard certificate.notValidBefore <= info.genTime, info.genTime <= certificate.notValidAfter else {
            throw .outsideValidity(
                "genTime \(info.genTime) is outside the TSA certificate's validity (\(certificate.notValidBefore) – \(certificate.notValidAfter))"
            )
        }
        var chain = certificates
        chain.insert(chain.remove(at: index), at: 0)
        return Verified(genTime: info.genTime, authority: certificate.subject.description, chain: chain)
    }

    /// The certificate the SignerInfo names (RFC 5652 §5.3 `sid`), and its index.
    private func signingCertificate() throws(TimeStampError) -> (Int, Certificate) {
        for (index, der) in certificates.enumerated() {
            guard let certificate = try? Certificate(derEncoded: der) else { continue }
            switch signer.identifier {
            case .issuerAndSerial(let issuer, let serial):
                if Array(certificate.serialNumber.bytes) == serial, Self.der(of: certificate.issuer) == issuer {
                    return (index, certificate)
                }
            case .subjectKeyIdentifier(let keyID):
                if let found = try? certificate.extensions.subjectKeyIdentifier, Array(found.keyIdentifier) == keyID {
                    return (index, certificate)
                }
            }
        }
        throw .malformed("the token does not carry its signer's certificate (was certReq false?)")
    }

    private static func der(of name: DistinguishedName) -> [UInt8]? {
        var coder = DER.Serializer()
        do { try coder.serialize(name) } catch { return nil }
        return coder.serializedBytes
    }
}
