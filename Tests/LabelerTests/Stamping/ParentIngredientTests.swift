import Foundation
import LabelerC2PA
import LabelerTestSupport
import Testing
@testable import Labeler

/// Signed stamping over an input that already carries a manifest store keeps its history
/// (C2PA 2.x §10.3.2.3; c2pa.md §4.4): the old manifests are copied verbatim before the new one,
/// which opens the old active manifest as its `parentOf` ingredient.
@Suite struct ParentIngredientTests {
    static func stamper() throws -> Stamper {
        try Stamper(disclosure: .sample, options: StampOptions(signer: try SignedStampTests.signer("es256")))
    }

    static func store(_ bytes: [UInt8]) throws -> ManifestStore {
        try ManifestStore(parsing: try #require(try ContainerRegistry.walk(bytes).manifestStoreBytes()))
    }

    @Test(
        "a third-party manifest becomes the parent: copied verbatim, referenced by hash, the result valid",
        arguments: [
            ("C.jpg", "valid"), ("CA.jpg", "valid"), ("CACA.jpg", "valid"), ("XCA.jpg", "invalid"),
            ("E-sig-CA.jpg", "invalid"),
        ])
    func thirdParty(fixture: String, parentState: String) throws {
        let input = try TestFiles.read(TestFiles.c2paRS(fixture))
        let before = try Self.store(input)
        let output = try Self.stamper().stamp(input).plan.materialize(from: input)
        let after = try Self.store(output)
        #expect(after.manifests.count == before.manifests.count + 1)
        for (old, copied) in zip(before.manifests, after.manifests) {
            #expect(before.bytes[old.box.range] == after.bytes[copied.box.range])
        }
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        let layer = try #require(report.layer(.c2pa))
        #expect(layer.status == .present && layer.problems.isEmpty && layer.fields["ValidationState"] == "valid")
        #expect(layer.fields["Parent"] == before.active?.label)
        #expect(layer.fields["ParentState"] == parentState)
        #expect(layer.fields["DigitalSourceType"]?.hasSuffix("trainedAlgorithmicMedia") == true)
        let validation = ManifestValidator().validate(after, asset: output)
        let codes = Set(validation.statuses.map(\.code))
        #expect(codes.isSuperset(of: ["ingredient.manifest.validated", "ingredient.claimSignature.validated"]))
        #expect(validation.ingredients.map(\.relationship) == ["parentOf"])
        // The parent's failures are recorded in the ingredient, and read back as its state.
        #expect(validation.ingredients.first?.recordedState?.rawValue == parentState)
    }

    @Test("re-signing our own output twice keeps the whole chain: three manifests, each the parent of the next")
    func chain() throws {
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/coffee.png"))
        let once = try Self.stamper().stamp(input).plan.materialize(from: input)
        let twice = try Self.stamper().stamp(once).plan.materialize(from: once)
        let thrice = try Self.stamper().stamp(twice).plan.materialize(from: twice)
        let labels = try Self.store(thrice).manifests.map(\.label)
        #expect(labels.count == 3 && Set(labels).count == 3)
        #expect(labels.prefix(2) == (try Self.store(twice).manifests.map(\.label))[...])
        let layer = try #require(Verifier().verify(thrice).layer(.c2pa))
        #expect(layer.problems.isEmpty && layer.fields["Parent"] == labels[1] && layer.fields["ParentState"] == "valid")
        // One XMP packet and one store after three stamps.
        let sites = try ContainerRegistry.walk(thrice).sites()
        #expect(sites.xmp.count == 1 && sites.provenance.count == 1)
    }

    @Test("a byte changed inside the copied parent manifest is caught by the ingredient's hash")
    func tamperedParent() throws {
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/coffee.png"))
        let once = try Self.stamper().stamp(input).plan.materialize(from: input)
        let twice = try Self.stamper().stamp(once).plan.materialize(from: once)
        let store = try Self.store(twice)
        let parent = try #require(store.manifests.first)
        // The store is one caBX chunk: find it, and change a byte of the parent's claim there.
        let chunk = try #require(ContainerRegistry.walk(twice).sites().provenance.first)
        let claimBox = try #require(parent.box.superboxes.first { $0.description.contentType == .claim })
        let storeStart = try #require(
            twice.indices.first { twice[$0...].starts(with: store.bytes.prefix(64)) && $0 >= chunk.range.lowerBound })
        var tampered = twice
        tampered[storeStart + claimBox.range.upperBound - 3] ^= 0x01
        tampered = try SignedStampTests.fixingCRCs(tampered)
        let layer = try #require(Verifier().verify(tampered).layer(.c2pa))
        #expect(layer.status == .invalid)
        #expect(layer.problems.map(\.kind.rawValue).contains("c2pa.ingredient.manifest.mismatch"))
    }

    @Test("unsigned stamping still refuses an input with a manifest; signed stamping does not need --force")
    func unsignedStillRefused() throws {
        let input = try TestFiles.read(TestFiles.c2paRS("CA.jpg"))
        #expect(throws: LabelerError.self) { try Stamper(disclosure: .sample).stamp(input) }
        #expect(throws: Never.self) { try Self.stamper().stamp(input) }
    }

    @Test("a store that cannot be read cannot be kept: refused with its offset, not silently dropped")
    func unreadableParent() throws {
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/coffee.png"))
        var once = try Self.stamper().stamp(input).plan.materialize(from: input)
        let site = try #require(ContainerRegistry.walk(once).sites().provenance.first)
        // Break the claim's box length inside the one caBX chunk (the store's label stays, so it is found).
        let store = try Self.store(once)
        let claim = try #require(store.active?.box.superboxes.first { $0.description.contentType == .claim })
        let storeStart = try #require(
            once.indices.first { once[$0...].starts(with: store.bytes.prefix(64)) && $0 >= site.range.lowerBound })
        once[storeStart + claim.range.lowerBound] = 0x7F
        once = try SignedStampTests.fixingCRCs(once)
        let error = try #require(throws: LabelerError.self) { try Self.stamper().stamp(once) }
        #expect(error.code == .provenancePresent && error.offset == site.range.lowerBound)
        #expect(error.message.contains("cannot be kept"))
    }
}
