import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// The per-run signing template (C2PA 2.4 §A.8): the same bytes as the builder path, a valid
/// manifest per text, and its own IDs and signature for every text.
@Suite struct TextManifestTemplateTests {
    static let metadata = Array(
        #"{"@context":{"dc":"http://purl.org/dc/elements/1.1/"},"dc:identifier":"id-0001"}"#.utf8)

    static func signer(_ name: String) throws -> LocalSigner {
        let folder = TestFiles.fixtures.appendingPathComponent("c2pa-rs/certs")
        return try LocalSigner(
            keyPEM: String(contentsOf: folder.appendingPathComponent("\(name).pem"), encoding: .utf8),
            chainPEM: String(contentsOf: folder.appendingPathComponent("\(name).pub"), encoding: .utf8))
    }

    static func content(
        instanceID: String = "xmp.iid:" + RandomUUID.make(), metadata: [UInt8]? = metadata
    )
        -> ManifestBuilder.Content
    {
        .init(
            digitalSourceType: TextManifestSigningTests.aiGenerated, softwareAgent: "TextGen",
            softwareAgentVersion: "1.0", instanceID: instanceID, metadata: metadata)
    }

    static func template(_ signer: any Signer) throws -> TextManifestTemplate {
        try TextManifestTemplate(
            builder: ManifestBuilder(content: content(), signer: signer, manifestID: RandomUUID.make()))
    }

    @Test(
        "writes exactly the builder's bytes, signature included, for a start of every CBOR width",
        arguments: [0, 23, 24, 255, 256, 65_535, 65_536, 1_000_000])
    func identicalToTheBuilderWithEd25519(offset: Int) throws {
        let signer = try Self.signer("ed25519")
        let template = try Self.template(signer)
        let digest = (0 ..< 32).map { UInt8($0 * 7 & 0xFF) }
        var metadata = Self.metadata
        metadata[metadata.count - 3] = UInt8(ascii: "9")  // same length, other bytes: patched, not rebuilt
        let content = Self.content(metadata: metadata)
        let manifestID = RandomUUID.make()
        let fast = try template.wrapper(forTextDigest: digest, at: offset, content: content, manifestID: manifestID)
        let slow = try TextManifestSigner.wrapper(
            forTextDigest: digest, at: offset,
            builder: ManifestBuilder(content: content, signer: signer, manifestID: manifestID))
        #expect(fast == slow)
    }

    @Test func signedTextsValidateWithES256AndDifferFromTheBuilderOnlyInTheSignature() throws {
        let signer = try Self.signer("es256")
        let template = try Self.template(signer)
        let text = Array("Cafe\u{301}: a model wrote this.\nЭтот текст создан ИИ. 这段文字由人工智能生成。\n".utf8)
        let instanceID = "xmp.iid:" + RandomUUID.make()
        let manifestID = RandomUUID.make()
        let fast = try template.sign(text, instanceID: instanceID, manifestID: manifestID)
        var content = template.builder.content
        content.instanceID = instanceID
        let slow = try TextManifestSigner.sign(
            text, builder: ManifestBuilder(content: content, signer: signer, manifestID: manifestID))
        let fastStore = try #require(try TextManifestWrapper.find(in: fast)).store
        let slowStore = try #require(try TextManifestWrapper.find(in: slow)).store
        #expect(fastStore.count == slowStore.count)
        #expect(fastStore.dropLast(64) == slowStore.dropLast(64))  // ES256 signatures are randomized
        #expect(fastStore.suffix(64) != slowStore.suffix(64))
        let result = TextManifestValidator().validate(fast)
        #expect(result.state == .valid, "\(result.statuses)")
        #expect(TextManifestSigningTests.failureCodes(result) == ["signingCredential.untrusted"])
        #expect(result.statuses.contains { $0.code == "assertion.dataHash.match" })
        #expect(
            Array(fast.prefix(result.wrapper?.lowerBound ?? 0))
                == Array("Café: a model wrote this.\nЭтот текст создан ИИ. 这段文字由人工智能生成。\n".utf8))
    }

    @Test func everyTextOfABatchHasItsOwnIDsBindingAndSignature() throws {
        let template = try Self.template(try Self.signer("es256"))
        let texts = (0 ..< 24).map {
            Array("Text \($0): written by a model.\n".utf8) + Array(repeating: 0x61, count: $0 * 20)
        }
        let results = template.sign(texts, workers: 3)
        #expect(results.count == texts.count)
        var labels = Set<String>()
        var instanceIDs = Set<String>()
        var signatures = Set<[UInt8]>()
        for (text, result) in zip(texts, results) {
            let signed = try result.get()
            #expect(Array(signed.prefix(text.count)) == text)  // in order
            let validation = TextManifestValidator().validate(signed)
            #expect(validation.state == .valid, "\(validation.statuses)")
            let manifest = try #require(validation.store?.active)
            labels.insert(manifest.label)
            instanceIDs.insert(try #require(manifest.claim["instanceID"]?.textValue))
            signatures.insert(try #require(manifest.signatureBytes))
            // A text signed for another text's binding does not validate.
            var swapped = signed
            swapped[0] = UInt8(ascii: "t")
            #expect(TextManifestValidator().validate(swapped).state == .invalid)
        }
        #expect(labels.count == texts.count)
        #expect(instanceIDs.count == texts.count)
        #expect(signatures.count == texts.count)
    }

    @Test func contentTheTemplateCannotPatchGoesThroughTheBuilder() throws {
        let signer = try Self.signer("ed25519")
        let template = try Self.template(signer)
        let digest = [UInt8](repeating: 0xAB, count: 32)
        let manifestID = RandomUUID.make()
        for content in [
            Self.content(metadata: Self.metadata + Array(" ".utf8)), Self.content(metadata: nil),
            Self.content(instanceID: "a shorter instance ID"),
        ] {
            let fast = try template.wrapper(forTextDigest: digest, at: 100, content: content, manifestID: manifestID)
            let slow = try TextManifestSigner.wrapper(
                forTextDigest: digest, at: 100,
                builder: ManifestBuilder(content: content, signer: signer, manifestID: manifestID))
            #expect(fast == slow)
        }
    }

    @Test func aTextThatCarriesAManifestKeepsItAsTheParent() throws {
        let template = try Self.template(try Self.signer("es256"))
        let first = try template.sign(
            Array("A model wrote this.\n".utf8), instanceID: "xmp.iid:" + RandomUUID.make(),
            manifestID: RandomUUID.make())
        let second = try template.sign(first, instanceID: "xmp.iid:" + RandomUUID.make(), manifestID: RandomUUID.make())
        let result = TextManifestValidator().validate(second)
        #expect(result.state == .valid, "\(result.statuses)")
        #expect(result.store?.manifests.count == 2)
    }

    @Test func refusesWhatChangesPerSignature() throws {
        let signer = try Self.signer("es256")
        var builder = ManifestBuilder(content: Self.content(), signer: signer, manifestID: RandomUUID.make())
        let signed = try TextManifestSigner.sign(Array("x\n".utf8), builder: builder)
        let parent = try TextManifestSigner.parentIngredient(
            signed, try #require(try TextManifestWrapper.find(in: signed)))
        builder.content.parent = parent
        #expect(throws: ManifestError.self) { try TextManifestTemplate(builder: builder) }
    }
}
