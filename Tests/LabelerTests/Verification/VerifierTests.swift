import Foundation
import Testing
@testable import Labeler

@Suite struct VerifierTests {
    func verify(_ name: String) throws -> VerificationReport {
        Verifier().verify(try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent(name)))
    }

    @Test("an unlabelled photo is unlabelled, never 'human-made'")
    func unlabelled() throws {
        let report = try verify("photos/coffee.png")
        #expect(report.verdict == .unlabelled)
        #expect(report.regimes.allSatisfy { $0.status == .notMet })
        #expect(report.layer(.visible)?.status == .notChecked)
    }

    @Test("reads a Doubao-style PNG tEXt AIGC label")
    func doubao() throws {
        let report = try verify("edge/doubao-text-aigc.png")
        #expect(report.verdict == .labelled)
        #expect(report.layer(.tc260)?.fields["ContentProducer"] == "001191110102MACQD9K64010000")
        #expect(report.regimes.first { $0.regime == .cn }?.status == .partial)
    }

    @Test("reads Annex E JSON from EXIF UserComment")
    func exifUserComment() throws {
        let report = try verify("edge/exif-usercomment-aigc.jpg")
        #expect(report.verdict == .labelled)
        #expect(report.layer(.tc260)?.locations.first?.contains("UserComment") == true)
    }

    @Test("reads an IPTC label written by exiftool")
    func exiftoolLabel() throws {
        let report = try verify("edge/labelled-exiftool.jpg")
        #expect(report.layer(.iptc)?.status == .present && report.layer(.iptc)?.declaresAI == true)
    }

    @Test("a C2PA file from the reference implementation is seen as C2PA")
    func c2pa() throws {
        let report = Verifier().verify(try TestPaths.read(TestPaths.c2paFixtures.appendingPathComponent("C.jpg")))
        #expect(report.layer(.c2pa)?.status == .present)
    }

    @Test("two copies of the label, a bad Label value or broken XMP make the file invalid")
    func invalid() throws {
        let twoCopies = PNGBuilder.minimal(extraBeforeIDAT: [
            ("tEXt", Array("AIGC\0{\"Label\":\"1\",\"ContentProducer\":\"a\",\"ProduceID\":\"b\"}".utf8)),
            ("tEXt", Array("AIGC\0{\"Label\":\"1\",\"ContentProducer\":\"a\",\"ProduceID\":\"c\"}".utf8)),
        ])
        #expect(Verifier().verify(twoCopies).verdict == .invalid)
        let badLabel = PNGBuilder.minimal(extraBeforeIDAT: [("tEXt", Array("AIGC\0{\"Label\":\"AIGC\",\"ContentProducer\":\"a\",\"ProduceID\":\"b\"}".utf8))])
        #expect(Verifier().verify(badLabel).verdict == .invalid)
        let brokenXMP = PNGBuilder.minimal(extraBeforeIDAT: [("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><oops".utf8))])
        let report = Verifier().verify(brokenXMP)
        #expect(report.verdict == .invalid)
        #expect(report.layer(.iptc)?.problems.first?.contains("byte") == true)
    }

    @Test("corrupt input is an error with a byte offset, not a crash", arguments: [
        "truncated-mid-idat.png", "bad-crc.png", "huge-chunk-length.png", "truncated-mid-scan.jpg",
        "truncated-in-header.jpg", "segment-length-past-end.jpg", "empty.jpg", "not-an-image.png",
    ])
    func corrupt(name: String) throws {
        let report = try verify("malformed/" + name)
        #expect(report.verdict == .error)
        #expect(report.error?.isEmpty == false)
        #expect(report.errorOffset != nil)
    }
}

@Suite struct MetadataFileReaderTests {
    static let files: [String] = ["photos", "edge", "malformed", "c2pa"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleMedia.appendingPathComponent(folder).path)) ?? [])
            .sorted().map { folder + "/" + $0 }
    }

    @Test("verifying a file (walked on a mapping, metadata copied) reports exactly what verifying all bytes reports", arguments: files)
    func sparseMatchesFull(name: String) throws {
        let url = TestPaths.sampleMedia.appendingPathComponent(name)
        let full = Verifier().verify(try TestPaths.read(url))
        var sparse = Labeler.verify(file: url.path)
        sparse.path = nil
        #expect(sparse == full)
    }

    @Test("stamped files verify the same way from disk, and a stamped file that is later truncated is caught")
    func stampedAndTruncated() throws {
        let folder = try TestPaths.temporaryDirectory()
        let stamper = try Stamper(disclosure: .sample)
        for name in ["photos/coffee.png", "photos/astronaut.jpg", "edge/progressive.jpg"] {
            let input = TestPaths.sampleMedia.appendingPathComponent(name).path
            let output = folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent).path
            try Labeler.stamp(file: input, to: output, with: stamper)
            #expect(Labeler.verify(file: output).verdict == .labelled)
            let bytes = try TestPaths.read(URL(fileURLWithPath: output))
            try Data(bytes.prefix(bytes.count - 100)).write(to: URL(fileURLWithPath: output))
            #expect(Labeler.verify(file: output).verdict == .error)
        }
    }
}
