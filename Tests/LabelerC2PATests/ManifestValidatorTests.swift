import LabelerTestSupport
import Testing
@testable import LabelerC2PA

@Suite struct ManifestValidatorTests {
    static func validate(_ name: String) throws -> ManifestValidation {
        let asset = try TestFiles.read(TestFiles.c2paRS(name))
        return ManifestValidator().validate(try ManifestStore(parsing: manifestStore(ofJPEG: asset)), asset: asset)
    }

    /// What c2pa-python 0.38.1 (c2pa-rs) reports for these files (c2pa.md §6): valid or the failure code.
    @Test(
        "the c2pa-rs fixtures validate as the reference implementation says",
        arguments: [
            ("C.jpg", nil as String?), ("CA.jpg", nil), ("CACA.jpg", nil), ("XCA.jpg", "assertion.dataHash.mismatch"),
            ("E-sig-CA.jpg", "claimSignature.mismatch"),
        ])
    func fixtures(name: String, failure: String?) throws {
        let result = try Self.validate(name)
        let codes = Set(result.failures.map(\.code)).subtracting(["signingCredential.untrusted"])
        if let failure {
            #expect(result.state == .invalid)
            #expect(codes == [failure])
        } else {
            #expect(result.state == .valid)
            #expect(codes.isEmpty, "unexpected failures: \(result.failures)")
            #expect(result.statuses.contains { $0.code == "claimSignature.validated" })
            #expect(result.statuses.contains { $0.code == "assertion.dataHash.match" })
            #expect(result.statuses.filter { $0.code == "assertion.hashedURI.match" }.count >= 2)
        }
        // Untrusted, never silently trusted: no anchors are configured here.
        #expect(
            result.failures.contains { $0.code == "signingCredential.untrusted" }
                || result.statuses.contains { $0.code == "claimSignature.mismatch" })
    }

    @Test("a byte changed inside an assertion is a hashed-URI mismatch; inside the claim, a signature mismatch")
    func tampering() throws {
        var asset = try TestFiles.read(TestFiles.c2paRS("C.jpg"))
        let storeBytes = manifestStore(ofJPEG: asset)
        let store = try ManifestStore(parsing: storeBytes)
        let manifest = try #require(store.active)
        // Offsets in the store map to the asset at the first APP11 payload start + 8 (one segment here).
        let storeStart = try #require(Self.firstStoreOffset(in: asset))
        let actions = try #require(manifest.assertions(prefixed: "c2pa.actions").first)
        var inAssertion = asset
        inAssertion[storeStart + actions.payloadRange.upperBound - 1] ^= 0x01
        let assertionResult = ManifestValidator().validate(
            try ManifestStore(parsing: manifestStore(ofJPEG: inAssertion)), asset: inAssertion)
        #expect(assertionResult.failures.map(\.code).contains("assertion.hashedURI.mismatch"))
        let claimBox = try #require(
            manifest.box.superboxes.first { $0.description.contentType == .claim }?.contentBoxes.first)
        asset[storeStart + claimBox.payloadRange.upperBound - 1] ^= 0x01
        if let tampered = try? ManifestStore(parsing: manifestStore(ofJPEG: asset)) {
            let claimResult = ManifestValidator().validate(tampered, asset: asset)
            #expect(claimResult.failures.map(\.code).contains("claimSignature.mismatch"))
        }
    }

    @Test("the active manifest's AI source type and agent are read from its actions")
    func actions() throws {
        let result = try Self.validate("CACA.jpg")
        #expect(result.claimVersion == 2)
        #expect(result.algorithm != nil)
        let c = try Self.validate("C.jpg")
        #expect(c.claimVersion == 1)
    }

    /// The offset in the JPEG of the store's first byte (after `FF EB Lp CI En Z`).
    static func firstStoreOffset(in jpeg: [UInt8]) -> Int? {
        var index = 2
        while index + 4 <= jpeg.count, jpeg[index] == 0xFF {
            let length = Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3])
            if jpeg[index + 1] == 0xEB, jpeg[index + 4] == 0x4A, jpeg[index + 5] == 0x50 { return index + 4 + 8 }
            index += 2 + length
        }
        return nil
    }
}
