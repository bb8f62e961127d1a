import Foundation
import LabelerC2PA
import Testing
@testable import Labeler

/// Signed text stamping through the run's template (C2PA 2.4 §A.8): one stamper, many texts, each
/// with its own content ID, manifest, binding and signature.
@Suite struct TextStamperSigningTests {
    @Test("one stamper signs every text with its own IDs through the template, and each validates")
    func everyTextItsOwnManifest() throws {
        var disclosure = TextFixtures.disclosure
        disclosure.contentID = nil  // a fresh content ID per text, as labelctl does
        disclosure.createdAt = nil
        var options = TextStampOptions()
        options.signer = try SignedStampTests.signer("es256")
        let stamper = try TextStamper(disclosure: disclosure, options: options)
        #expect(stamper.signingTemplate != nil)
        var labels = Set<String>()
        var instanceIDs = Set<String>()
        for (index, name) in ["a.txt", "b.md", "c.json", "d.txt"].enumerated() {
            let text =
                name.hasSuffix(".json")
                ? Array(#"{"id":"r\#(index)","content":"Hi"}"#.utf8)
                : Array("Text \(index), written by a model: café, 模型.\n".utf8)
            let stamped = try stamper.stamp(text, fileName: name)
            let output = stamped.output(from: text)
            let result = TextManifestValidator().validate(output)
            #expect(result.state == .valid, "\(name): \(result.statuses)")
            let manifest = try #require(result.store?.active)
            labels.insert(manifest.label)
            let instanceID = try #require(manifest.claim["instanceID"]?.textValue)
            instanceIDs.insert(instanceID)
            // The instance ID is the text's own content ID, and the metadata names it too.
            let contentID = try #require(stamped.disclosure.contentID)
            #expect(instanceID == "xmp.iid:" + contentID)
            let metadata = try #require(manifest.assertion("cawg.metadata")?.contentBoxes.first)
            #expect(
                Array(result.store?.bytes[metadata.payloadRange] ?? []).firstRange(of: Array(contentID.utf8)) != nil)
        }
        #expect(labels.count == 4)
        #expect(instanceIDs.count == 4)
    }

    @Test("a time-stamp authority means no template: each signature is time-stamped on its own")
    func noTemplateWithATimeStampAuthority() throws {
        var options = TextStampOptions()
        options.signer = try SignedStampTests.signer("es256")
        #expect(try TextStamper(disclosure: TextFixtures.disclosure, options: options).signingTemplate != nil)
        // Never contacted: the stamper only checks that an authority is set.
        options.timeStampAuthority = try HTTPTimeStampAuthority(
            url: try #require(URL(string: "http://127.0.0.1:9/tsa")))
        #expect(try TextStamper(disclosure: TextFixtures.disclosure, options: options).signingTemplate == nil)
    }
}
