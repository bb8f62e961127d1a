import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

@Suite struct SignatureVerifierTests {
    static let message = Array("some sample content to sign".utf8)

    static func vector(_ name: String) throws -> (signature: [UInt8], spki: [UInt8]) {
        let folder = TestFiles.fixtures.appendingPathComponent("c2pa-rs/raw_signature")
        return (
            try TestFiles.read(folder.appendingPathComponent("\(name).raw_sig")),
            try TestFiles.read(folder.appendingPathComponent("\(name).pub_key"))
        )
    }

    @Test(
        "the c2pa-rs raw-signature vectors verify, and fail once the message or signature changes",
        arguments: [
            ("es256", COSE.Algorithm.es256), ("es384", .es384), ("es512", .es512), ("ed25519", .ed25519),
            ("ps256", .ps256), ("ps384", .ps384), ("ps512", .ps512),
        ])
    func vectors(name: String, algorithm: COSE.Algorithm) throws {
        let (signature, spki) = try Self.vector(name)
        #expect(try SignatureVerifier.isValid(signature, over: Self.message, spki: spki, algorithm: algorithm))
        #expect(
            try !SignatureVerifier.isValid(signature, over: Self.message + [0x21], spki: spki, algorithm: algorithm))
        var flipped = signature
        flipped[flipped.count / 2] ^= 0x01
        #expect(try !SignatureVerifier.isValid(flipped, over: Self.message, spki: spki, algorithm: algorithm))
        #expect(
            try !SignatureVerifier.isValid(
                Array(signature.dropLast()), over: Self.message, spki: spki, algorithm: algorithm))
    }

    @Test("a key of another kind is refused as unusable, not read as a failed signature")
    func wrongKey() throws {
        let (signature, spki) = try Self.vector("ed25519")
        #expect(throws: COSE.Error.self) {
            try SignatureVerifier.isValid(signature, over: Self.message, spki: spki, algorithm: .es256)
        }
        #expect(throws: (any Error).self) {
            try SignatureVerifier.isValid(signature, over: Self.message, spki: [0x30, 0x00], algorithm: .ps256)
        }
    }
}

@Suite struct COSESign1Tests {
    @Test(
        "the claim signatures of the c2pa-rs fixtures parse, name their algorithm and chain, and verify over their claim",
        arguments: [
            ("C.jpg", true), ("CA.jpg", true), ("CACA.jpg", true), ("XCA.jpg", true), ("E-sig-CA.jpg", false),
        ])
    func fixtures(name: String, signatureValid: Bool) throws {
        let store = manifestStore(ofJPEG: try TestFiles.read(TestFiles.c2paRS(name)))
        let root = try JUMBF.Reader.parse(store)
        let manifest = try #require(root.superboxes.last)  // the active manifest
        let claimBox = try #require(
            manifest.superboxes.first { $0.description.contentType == .claim }?.contentBoxes.first)
        let signatureBox = try #require(manifest.child("c2pa.signature")?.contentBoxes.first)
        let sign1 = try COSE.Sign1(decoding: Array(store[signatureBox.payloadRange]))
        #expect(sign1.payload == nil)  // detached: the claim is beside it
        let chain = sign1.certificateChain
        #expect(!chain.isEmpty)
        let algorithm = try sign1.algorithm()
        let spki = try CertificateFields.subjectPublicKeyInfo(ofCertificate: chain[0])
        let valid = try SignatureVerifier.isValid(
            sign1.signature, over: sign1.toBeSigned(detachedPayload: Array(store[claimBox.payloadRange])),
            spki: spki, algorithm: algorithm)
        // XCA.jpg changed pixels after signing (its data hash fails), not its signature.
        #expect(valid == signatureValid)
    }

    @Test(
        "wrong shapes are refused",
        arguments: [
            CBOR.array([]), .tagged(17, .array([.bytes([]), .map([]), .null, .bytes([])])),
            .array([.text("x"), .map([]), .null, .bytes([])]), .array([.bytes([]), .array([]), .null, .bytes([])]),
            .array([.bytes([]), .map([]), .unsigned(1), .bytes([])]),
            .array([.bytes([]), .map([]), .null, .text("sig")]),
            .array([.bytes([0xA0, 0x00]), .map([]), .null, .bytes([])]),
        ])
    func malformed(item: CBOR) {
        #expect(throws: (any Error).self) { try COSE.Sign1(decoding: item.encoded) }
    }

    @Test("to-be-signed is the RFC 9052 Sig_structure over the verbatim protected bytes")
    func toBeSigned() throws {
        let protected = CBOR.map([.init(.int(1), .int(-7))]).encoded
        let sign1 = CBOR.tagged(18, .array([.bytes(protected), .map([]), .null, .bytes([1, 2, 3])]))
        let parsed = try COSE.Sign1(decoding: sign1.encoded)
        #expect(try parsed.algorithm() == .es256)
        #expect(parsed.toBeSigned(detachedPayload: [9]) == hex("84 6a 5369676e617475726531 43 a10126 40 41 09"))
    }
}
