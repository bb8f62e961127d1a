import Foundation
import SwiftASN1
import Testing
import X509
@testable import LabelerC2PA

@Suite struct DevelopmentCredentialsTests {
    @Test(
        "keygen's leaf has the C2PA signer profile, its key loads and matches, and its signatures verify",
        arguments: [
            COSE.Algorithm.es256, .ed25519, .ps256,
        ])
    func profile(algorithm: COSE.Algorithm) throws {
        let credentials = try DevelopmentCredentials.generate(algorithm: algorithm, subject: "Test Org")
        let leaf = try Certificate(pemEncoded: credentials.chainPEM)
        let root = try Certificate(pemEncoded: credentials.rootPEM)
        #expect(leaf.version == .v3 && leaf.issuer == root.subject)
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try root.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try leaf.extensions.keyUsage?.digitalSignature == true)
        #expect(try leaf.extensions.extendedKeyUsage?.contains(.emailProtection) == true)
        #expect(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier
                == root.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(root.signature != leaf.signature)
        let signer = try LocalSigner(keyPEM: credentials.keyPEM, chainPEM: credentials.chainPEM)
        #expect(signer.algorithm == algorithm)
        let message = Array("claim bytes".utf8)
        let signature = try signer.sign(message)
        #expect(signature.count == signer.signatureSize)
        let spki = try CertificateFields.subjectPublicKeyInfo(ofCertificate: signer.certificateChain[0])
        #expect(try SignatureVerifier.isValid(signature, over: message, spki: spki, algorithm: algorithm))
        // Another run's key does not match this chain.
        let other = try DevelopmentCredentials.generate(algorithm: algorithm, subject: "Test Org")
        #expect(throws: COSE.Error.self) { try LocalSigner(keyPEM: other.keyPEM, chainPEM: credentials.chainPEM) }
    }
}
