import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

@Suite struct CertificateProfileTests {
    /// Variant → the rule it breaks (`nil`: fits the profile).
    static let expected: [(String, String?)] = [
        ("good", nil), ("good-nonRepudiation", nil), ("good-rsa", nil), ("version", "version"),
        ("signatureAlgorithm", "signatureAlgorithm"), ("publicKey", "publicKey"),
        ("basicConstraints", "basicConstraints"),
        ("authorityKeyIdentifier", "authorityKeyIdentifier"), ("keyUsage-missing", "keyUsage"),
        ("keyUsage-bits", "keyUsage"), ("extendedKeyUsage-missing", "extendedKeyUsage"),
        ("extendedKeyUsage-serverAuth", "extendedKeyUsage"), ("extendedKeyUsage-any", "extendedKeyUsage"),
        ("extendedKeyUsage-timeStamping", "extendedKeyUsage"), ("criticalExtension", "criticalExtension"),
    ]

    static func leaf(_ pem: String) throws -> X509Certificate {
        try X509Certificate(derEncoded: try #require(PEM.blocks(in: pem, type: "CERTIFICATE").first))
    }

    @Test(
        "each profile rule: a leaf breaking exactly it is named on read (signingCredential.invalid) and refused for signing"
    )
    func rules() throws {
        try TestFiles.withTemporaryDirectory { folder in
            let made = try OpenSSLCertificates(in: folder)
            for (name, rule) in Self.expected {
                let pem = try made.pem(name)
                let violation = CertificateProfile().violation(of: try Self.leaf(pem))
                #expect(violation?.rule == rule, "\(name): \(violation.map(\.description) ?? "fits")")
                // On read: the status a validator reports.
                var result = ManifestValidation(state: .valid, statuses: [])
                let der = PEM.blocks(in: pem, type: "CERTIFICATE")
                ManifestValidator().checkCredential(der, url: "u", into: &result)
                if let rule {
                    let status = result.statuses.first { $0.code == "signingCredential.invalid" }
                    #expect(status?.explanation.contains(rule) == true, "\(name): \(result.statuses)")
                    #expect(!result.statuses.contains { $0.code == "claimSignature.insideValidity" })
                    // For signing: refused before anything is written, naming the rule.
                    #expect {
                        try LocalSigner(keyPEM: try made.key(name), chainPEM: pem)
                    } throws: { error in
                        (error as? CertificateError)?.description.contains(rule) == true
                    }
                } else {
                    #expect(
                        result.statuses.contains { $0.code == "claimSignature.insideValidity" && $0.kind == .success })
                    #expect(!result.failures.contains { $0.code != "signingCredential.untrusted" })
                    let signer = try LocalSigner(keyPEM: try made.key(name), chainPEM: pem)
                    #expect(signer.algorithm == (name == "good-rsa" ? .ps256 : .es256))
                }
            }
        }
    }

    @Test("validity is judged at the given validation time: a leaf past notAfter is signingCredential.expired")
    func expired() throws {
        try TestFiles.withTemporaryDirectory { folder in
            let made = try OpenSSLCertificates(in: folder)
            let der = PEM.blocks(in: try made.pem("good"), type: "CERTIFICATE")
            let later = Date().addingTimeInterval(3 * 86_400)
            #expect(
                CertificateProfile().violation(of: try Self.leaf(try made.pem("good")), at: later)?.rule == "validity")
            var result = ManifestValidation(state: .valid, statuses: [])
            ManifestValidator(trustAnchors: try TrustAnchors(pem: try made.pem("root")))
                .checkCredential(der, url: "u", at: later, into: &result)
            #expect(result.failures.map(\.code).contains("signingCredential.expired"))
            #expect(result.failures.map(\.code).contains("signingCredential.untrusted"))
            var now = ManifestValidation(state: .valid, statuses: [])
            ManifestValidator(trustAnchors: try TrustAnchors(pem: try made.pem("root")))
                .checkCredential(der, url: "u", into: &now)
            #expect(now.statuses.map(\.code) == ["claimSignature.insideValidity", "signingCredential.trusted"])
            let earlier = Date().addingTimeInterval(-3 * 86_400)
            #expect(
                CertificateProfile().violation(of: try Self.leaf(try made.pem("good")), at: earlier)?.code
                    == "signingCredential.expired")
        }
    }

    @Test("the c2pa-rs test leaves fit the profile (ES256, Ed25519, RSA-PSS) until 2030-08-26")
    func fixtures() throws {
        for name in ["es256", "ed25519", "ps256"] {
            let pem = try String(contentsOf: TestFiles.c2paRS("certs/\(name).pub"), encoding: .utf8)
            let leaf = try Self.leaf(pem)
            #expect(CertificateProfile().violation(of: leaf) == nil, "\(name)")
            let after = CivilTime.date(2030, 8, 27, 0, 0, 0)
            #expect(CertificateProfile().violation(of: leaf, at: after)?.code == "signingCredential.expired")
        }
    }
}
