import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

@Suite struct CertificateTrustTests {
    static func text(_ name: String) throws -> String {
        try String(contentsOf: TestFiles.c2paRS(name), encoding: .utf8)
    }

    static func validate(_ name: String, anchors: TrustAnchors?) throws -> ManifestValidation {
        let asset = try TestFiles.read(TestFiles.c2paRS(name))
        return ManifestValidator(trustAnchors: anchors).validate(
            try ManifestStore(parsing: manifestStore(ofJPEG: asset)), asset: asset)
    }

    @Test("every certificate of the c2pa-rs material is read, RSA-PSS keys and PSS signatures included")
    func reader() throws {
        let bundle = PEM.blocks(in: try Self.text("certs/test_cert_root_bundle.pem"), type: "CERTIFICATE")
        #expect(bundle.count == 8)
        let roots = try bundle.map { try X509Certificate(derEncoded: $0) }
        #expect(roots.allSatisfy { $0.version == 3 && $0.isSelfIssued })
        let pss = roots.filter { if case .rsa(4096, true) = $0.publicKey.kind { true } else { false } }
        #expect(pss.count == 3)
        #expect(
            try pss.map { try CertificateSignatureAlgorithm($0.signatureAlgorithm) }.sorted { "\($0)" < "\($1)" }
                == [.rsaPSS(.sha256), .rsaPSS(.sha384), .rsaPSS(.sha512)])
        // Each root is self-signed: its own key verifies its signature.
        for root in roots {
            #expect(try CertificateSignature.isValid(root, signedBy: root.publicKey), "\(root.publicKey)")
        }
        let chain = try PEM.blocks(in: try Self.text("certs/ps256.pub"), type: "CERTIFICATE")
            .map { try X509Certificate(derEncoded: $0) }
        #expect(chain.count == 2 && chain[0].issuer == chain[1].subject)
        #expect(try CertificateSignature.isValid(chain[0], signedBy: chain[1].publicKey))
        #expect(try !CertificateSignature.isValid(chain[1], signedBy: chain[0].publicKey))
        #expect(chain[0].notAfter == CivilTime.date(2030, 8, 26, 18, 46, 28))
        let extensions = try CertificateExtensions(chain[0])
        #expect(!extensions.isCA && extensions.keyUsage == [.digitalSignature, .nonRepudiation])
        #expect(extensions.extendedKeyUsage == [CertificateProfile.Purpose.emailProtection])
        #expect(try CertificateExtensions(chain[1]).isCA)
    }

    /// c2pa-python 0.38.1 with `test_cert_root_bundle.pem` as anchors (c2pa.md §6): C, CA, CACA Trusted.
    @Test(
        "the c2pa-rs PS256 fixtures read trusted with its root bundle, valid/untrusted without, as c2pa-python says",
        arguments: [
            ("C.jpg", nil as String?), ("CA.jpg", nil), ("CACA.jpg", nil), ("XCA.jpg", "assertion.dataHash.mismatch"),
            ("E-sig-CA.jpg", "claimSignature.mismatch"),
        ])
    func fixtures(name: String, failure: String?) throws {
        let anchors = try TrustAnchors(pem: try Self.text("certs/test_cert_root_bundle.pem"))
        #expect(anchors.count == 8 && anchors.skipped.isEmpty)
        let trusted = try Self.validate(name, anchors: anchors)
        let plain = try Self.validate(name, anchors: nil)
        #expect(trusted.statuses.contains { $0.code == "signingCredential.trusted" })
        #expect(trusted.statuses.contains { $0.code == "claimSignature.insideValidity" })
        if let failure {
            #expect(trusted.state == .invalid && trusted.failures.map(\.code) == [failure])
            #expect(plain.state == .invalid)
        } else {
            #expect(trusted.state == .trusted && trusted.failures.isEmpty, "\(trusted.failures)")
            #expect(plain.state == .valid && plain.failures.map(\.code) == ["signingCredential.untrusted"])
        }
    }

    @Test("path checks: another root, an expired anchor time, a missing intermediate, a leaf as its own anchor")
    func paths() throws {
        let ps256 = PEM.blocks(in: try Self.text("certs/ps256.pub"), type: "CERTIFICATE")
        let es256 = PEM.blocks(in: try Self.text("certs/es256.pub"), type: "CERTIFICATE")
        let bundle = try Self.text("certs/test_cert_root_bundle.pem")
        let anchors = try TrustAnchors(pem: bundle)
        #expect(anchors.problem(with: ps256) == nil)
        #expect(anchors.problem(with: es256) == nil)
        // The ES256 root alone does not anchor the PSS chain (same subject name, another key).
        let ecRoots = PEM.blocks(in: bundle, type: "CERTIFICATE").filter {
            (try? X509Certificate(derEncoded: $0).publicKey.kind) == .ec(curve: AlgorithmIdentifier.OID.p256)
        }
        let ecOnly = try TrustAnchors(pem: ecRoots.map(Self.pem).joined())
        #expect(ecOnly.problem(with: es256) == nil)
        #expect(ecOnly.problem(with: ps256)?.contains("no path to a trust anchor") == true)
        // Without its intermediate the leaf does not reach the root.
        #expect(anchors.problem(with: [ps256[0]]) != nil)
        // After the leaf's notAfter, no path.
        #expect(anchors.problem(with: ps256, at: CivilTime.date(2031, 1, 1, 0, 0, 0)) != nil)
        // A leaf configured as an anchor is trusted (c2pa.md §5.3).
        #expect(try TrustAnchors(pem: Self.pem(ps256[0])).problem(with: ps256) == nil)
        // The leaf is not a CA: it cannot issue the intermediate's place.
        #expect(try TrustAnchors(pem: Self.pem(ps256[0])).problem(with: [ps256[1], ps256[0]]) != nil)
    }

    @Test("a batch's chain is validated once and reused only inside its validity window, failures included")
    func cachedPaths() throws {
        let ps256 = PEM.blocks(in: try Self.text("certs/ps256.pub"), type: "CERTIFICATE")
        let anchors = try TrustAnchors(pem: try Self.text("certs/test_cert_root_bundle.pem"))
        let later = CivilTime.date(2031, 1, 1, 0, 0, 0)
        for _ in 0 ..< 3 {
            #expect(anchors.problem(with: ps256) == nil)
            #expect(anchors.problem(with: ps256, at: later) != nil)
            #expect(anchors.problem(with: [ps256[0]]) != nil)
        }
    }

    @Test("malformed certificates: every truncation and garbage are a clear error, never a crash")
    func malformed() throws {
        let der = try #require(PEM.blocks(in: try Self.text("certs/ps256.pub"), type: "CERTIFICATE").first)
        for length in 0 ..< der.count {
            #expect(throws: CertificateError.self) { try X509Certificate(derEncoded: Array(der.prefix(length))) }
        }
        #expect(throws: CertificateError.self) { try X509Certificate(derEncoded: der + [0]) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 200 {
            var mutated = der
            for _ in 0 ..< 4 {
                mutated[Int.random(in: 0 ..< mutated.count, using: &generator)] = .random(in: 0 ... 255)
            }
            _ = try? X509Certificate(derEncoded: mutated)
        }
        var result = ManifestValidation(state: .valid, statuses: [])
        ManifestValidator().checkCredential([Array("garbage".utf8)], url: "u", into: &result)
        #expect(result.failures.map(\.code) == ["signingCredential.invalid"])
        #expect(result.failures.first?.explanation.contains("x5chain certificate 0") == true)
        #expect(throws: (any Error).self) { try TrustAnchors(pem: Self.pem(Array(der.prefix(100)))) }
    }

    static func pem(_ der: [UInt8]) -> String {
        "-----BEGIN CERTIFICATE-----\n\(Data(der).base64EncodedString(options: .lineLength64Characters))\n-----END CERTIFICATE-----\n"
    }
}
