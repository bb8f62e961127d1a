import Crypto
import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// Signing and validating text assets (C2PA 2.4 §A.8): the wrapper is the exclusion, the binding
/// is over the NFC text, and what is wrong reads as the C2PA failure it is.
@Suite struct TextManifestSigningTests {
    static let aiGenerated = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    static let text = Array("Café au lait — a text written by a model.\nΣύντομο κείμενο. 短文。\n".utf8)

    static func signer() throws -> LocalSigner { try HostileManifestTests.signer() }

    static func builder(_ signer: any Signer, parent: ParentIngredient? = nil) -> ManifestBuilder {
        ManifestBuilder(
            content: .init(
                digitalSourceType: aiGenerated, softwareAgent: "TextGen", softwareAgentVersion: "1.0",
                instanceID: "xmp.iid:" + UUID().uuidString.lowercased(), parent: parent),
            signer: signer, manifestID: UUID().uuidString.lowercased())
    }

    static func failureCodes(_ result: TextManifestValidation) -> Set<String> {
        Set(result.statuses.filter { $0.kind == .failure }.map(\.code))
    }

    @Test func signedTextValidates() throws {
        let signed = try TextManifestSigner.sign(Self.text, builder: Self.builder(try Self.signer()))
        #expect(Array(signed.prefix(Self.text.count)) == Self.text)  // already NFC: written unchanged
        let result = TextManifestValidator().validate(signed)
        #expect(result.state == .valid, "\(result.statuses)")
        #expect(Self.failureCodes(result) == ["signingCredential.untrusted"])
        #expect(result.statuses.contains { $0.code == "assertion.dataHash.match" })
        #expect(result.wrapper == Self.text.count ..< signed.count)
        #expect(result.validation?.digitalSourceType == Self.aiGenerated)
        let store = try #require(result.store)
        #expect(try TextManifestWrapper.find(in: signed)?.store == store.bytes)
        #expect(signed.count - Self.text.count == TextManifestWrapper.paddedLength(storeSize: store.bytes.count))
    }

    @Test func ownRootMakesItTrusted() throws {
        let credentials = try DevelopmentCredentials.generate(algorithm: .es256, subject: "Text Signer")
        let signer = try LocalSigner(keyPEM: credentials.keyPEM, chainPEM: credentials.chainPEM)
        let signed = try TextManifestSigner.sign(Self.text, builder: Self.builder(signer))
        let anchors = try TrustAnchors(pem: credentials.rootPEM)
        let result = TextManifestValidator(trustAnchors: anchors).validate(signed)
        #expect(result.state == .trusted, "\(result.statuses)")
        #expect(Self.failureCodes(result).isEmpty)
    }

    @Test func oneChangedCharacterBreaksTheBinding() throws {
        var signed = try TextManifestSigner.sign(Self.text, builder: Self.builder(try Self.signer()))
        signed[0] = UInt8(ascii: "K")  // "Café" → "Kafé"
        let result = TextManifestValidator().validate(signed)
        #expect(result.state == .invalid)
        #expect(Self.failureCodes(result).contains("assertion.dataHash.mismatch"))
    }

    /// NFD in, NFC out. A text stored NFD by another signer validates too: the validator hashes
    /// NFC. Re-normalizing after signing moves the wrapper, so its exclusion no longer matches.
    @Test func decomposedTextIsWrittenComposed() throws {
        let nfd = Array("Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e, \u{1100}\u{1161}\u{11A8}.\n".utf8)
        let nfc = Array("Café crème brûlée, 각.\n".utf8)
        let builder = Self.builder(try Self.signer())
        let signed = try TextManifestSigner.sign(nfd, builder: builder)
        #expect(Array(signed.prefix(nfc.count)) == nfc)
        #expect(TextManifestValidator().validate(signed).state == .valid)
        let wrapper = try TextManifestSigner.wrapper(
            forTextDigest: try #require(TextBinding.digest(nfd)), at: nfd.count, builder: builder)
        let storedNFD = TextManifestValidator().validate(nfd + wrapper)
        #expect(storedNFD.state == .valid, "\(storedNFD.statuses)")
        #expect(storedNFD.statuses.contains { $0.code == "assertion.dataHash.match" })
        let redecomposed = TextManifestValidator().validate(nfd + signed.dropFirst(nfc.count))
        #expect(redecomposed.state == .invalid)
    }

    @Test func twoWrappersAreInvalid() throws {
        let signer = try Self.signer()
        let first = try TextManifestSigner.sign(Self.text, builder: Self.builder(signer))
        let second = try TextManifestSigner.sign(Array("other".utf8), builder: Self.builder(signer))
        let doubled = first + second.dropFirst(5)
        let result = TextManifestValidator().validate(doubled)
        #expect(result.state == .invalid)
        #expect(Self.failureCodes(result) == ["manifest.text.multipleWrappers"])
    }

    @Test func corruptedFrameIsInvalid() throws {
        var signed = try TextManifestSigner.sign(Self.text, builder: Self.builder(try Self.signer()))
        let found = try #require(try TextManifestWrapper.find(in: signed))
        let padding = found.range.count - TextManifestWrapper.unpaddedLength(store: found.store)
        signed.removeSubrange(signed.count - padding - 100 ..< signed.count)  // the padding and the store's tail
        let result = TextManifestValidator().validate(signed)
        #expect(result.state == .invalid)
        #expect(Self.failureCodes(result) == ["manifest.text.corruptedWrapper"])
        // A well-framed wrapper around bytes that are not a store is corrupted too.
        let junk = Self.text + (try TextManifestWrapper.encode(store: Array(repeating: 0x41, count: 40)))
        #expect(Self.failureCodes(TextManifestValidator().validate(junk)) == ["manifest.text.corruptedWrapper"])
        #expect(TextManifestValidator().validate(Self.text).validation == nil)
    }

    /// Every cut through a signed wrapper, and flipped bytes in it, validate to a verdict without trapping.
    @Test func truncatedAndFlippedSignedTextsNeverTrap() throws {
        let signed = try TextManifestSigner.sign(Self.text, builder: Self.builder(try Self.signer()))
        for cut in stride(from: Self.text.count, through: signed.count, by: 97) {
            let result = TextManifestValidator().validate(Array(signed.prefix(cut)))
            #expect(result.state != .valid || cut == signed.count)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 200 {
            var flipped = signed
            let index = Int.random(in: 0 ..< flipped.count, using: &generator)
            flipped[index] ^= UInt8.random(in: 1 ... 255, using: &generator)
            _ = TextManifestValidator().validate(flipped)
        }
    }

    /// An exclusion that reaches into the visible text leaves it unbound: refused.
    @Test func exclusionMustBeTheWrapper() throws {
        let builder = Self.builder(try Self.signer())
        let visible = Array(Self.text.prefix(10))
        // Sign as if the wrapper started 5 bytes earlier: those bytes are excluded, not hashed.
        let digest = Array(SHA256.hash(data: visible.prefix(5)))
        let layout = try builder.layout(start: 5) { TextManifestWrapper.paddedLength(storeSize: $0) + 5 }
        let store = try builder.store(exclusion: 5 ..< 5 + layout.exclusionLength, dataHash: digest)
        let wrapper = try TextManifestWrapper.encodePadded(store: store, length: layout.exclusionLength - 5)
        let result = TextManifestValidator().validate(visible + wrapper)
        #expect(result.statuses.contains { $0.code == "assertion.dataHash.match" })
        #expect(result.state == .invalid)
        #expect(Self.failureCodes(result).contains("assertion.dataHash.mismatch"))
    }

    @Test func existingWrapperBecomesTheParent() throws {
        let signer = try Self.signer()
        let first = try TextManifestSigner.sign(Self.text, builder: Self.builder(signer))
        let second = try TextManifestSigner.sign(first, builder: Self.builder(signer))
        let result = TextManifestValidator().validate(second)
        #expect(result.state == .valid, "\(result.statuses)")
        #expect(result.store?.manifests.count == 2)
        #expect(result.validation?.ingredients.count == 1)
        #expect(Array(second.prefix(Self.text.count)) == Self.text)
        #expect(throws: ManifestError.self) {
            try TextManifestSigner.sign(first, builder: Self.builder(signer), existing: .refuse)
        }
        let replaced = try TextManifestSigner.sign(first, builder: Self.builder(signer), existing: .replace)
        #expect(TextManifestValidator().validate(replaced).store?.manifests.count == 1)
    }

    /// The streaming form: the caller hashes what it emits, then appends the wrapper.
    @Test func streamingWrapperMatchesOneShotSigning() throws {
        var hasher = DataHasher()
        var emitted: [UInt8] = []
        for line in ["first line\n", "second line, NFC: é\n", "last"] {
            let chunk = try #require(TextBinding.nfc(Array(line.utf8)))
            hasher.update(chunk[...])
            emitted += chunk
        }
        let wrapper = try TextManifestSigner.wrapper(
            forTextDigest: hasher.finalize(), at: emitted.count, builder: Self.builder(try Self.signer()))
        let result = TextManifestValidator().validate(emitted + wrapper)
        #expect(result.state == .valid, "\(result.statuses)")
        #expect(result.wrapper == emitted.count ..< emitted.count + wrapper.count)
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() throws {
        let bad = Array("abc".utf8) + [0xC3, 0x28] + Array("def".utf8)
        #expect(TextBinding.firstInvalidUTF8Offset(bad) == 3)
        #expect(TextBinding.nfc(bad) == nil)
        #expect(throws: ManifestError("the text is not valid UTF-8 (byte 3 of the text without its wrapper)")) {
            try TextManifestSigner.sign(bad, builder: Self.builder(try Self.signer()))
        }
    }
}
