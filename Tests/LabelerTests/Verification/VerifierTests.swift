import Foundation
import LabelerCInterop
import Testing
import LabelerTestSupport
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
        let badLabel = PNGBuilder.minimal(extraBeforeIDAT: [
            ("tEXt", Array("AIGC\0{\"Label\":\"AIGC\",\"ContentProducer\":\"a\",\"ProduceID\":\"b\"}".utf8))
        ])
        #expect(Verifier().verify(badLabel).verdict == .invalid)
        let brokenXMP = PNGBuilder.minimal(extraBeforeIDAT: [
            ("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><oops".utf8))
        ])
        let report = Verifier().verify(brokenXMP)
        #expect(report.verdict == .invalid)
        #expect(report.layer(.iptc)?.problems.first?.message.contains("byte") == true)
    }

    @Test(
        "corrupt input is an error with a byte offset, not a crash",
        arguments: [
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

@Suite struct FileVerificationTests {
    static let files: [String] = ["photos", "edge", "malformed", "c2pa"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(
            atPath: TestPaths.sampleMedia.appendingPathComponent(folder).path)) ?? [])
            .sorted().map { folder + "/" + $0 }
    }

    @Test("verifying a file from disk reports exactly what verifying its bytes in memory reports", arguments: files)
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

@Suite struct LabelSiteTests {
    static let label =
        #"{"AIGC":{"Label":"1","ContentProducer":"001191110102MAD55U9H0F10002","ProduceID":"id-1","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}}"#

    @Test("finds the label in a compressed zTXt chunk and in a compressed iTXt chunk")
    func compressedText() throws {
        let deflated = try Zlib.deflate(Array(Self.label.utf8))
        let ztxt = PNGBuilder.minimal(extraBeforeIDAT: [("zTXt", Array("AIGC\0".utf8) + [0] + deflated)])
        let ztxtReport = Verifier().verify(ztxt)
        #expect(ztxtReport.verdict == .labelled)
        #expect(ztxtReport.layer(.tc260)?.fields["ProduceID"] == "id-1")
        let itxt = PNGBuilder.minimal(extraBeforeIDAT: [("iTXt", Array("AIGC\0".utf8) + [1, 0, 0, 0] + deflated)])
        #expect(Verifier().verify(itxt).layer(.tc260)?.status == .present)
    }

    @Test("finds TC260:AIGC in attribute form under any prefix, and IPTC with an https URI")
    func attributeForm() throws {
        let packet = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:aigc="http://www.tc260.org.cn/ns/AIGC/1.0/" xmlns:ie="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
              aigc:AIGC="{&quot;Label&quot;:&quot;1&quot;,&quot;ContentProducer&quot;:&quot;PicWish&quot;,&quot;ProduceID&quot;:&quot;p-9&quot;}"
              ie:DigitalSourceType="https://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"/>
            </rdf:RDF></x:xmpmeta>
            """
        let png = PNGBuilder.minimal(extraBeforeIDAT: [
            ("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0".utf8) + Array(packet.utf8))
        ])
        let report = Verifier().verify(png)
        #expect(report.verdict == .labelled)
        #expect(report.layer(.tc260)?.fields["ProduceID"] == "p-9")
        #expect(report.layer(.tc260)?.warnings.contains { $0.message.contains("PicWish") } == true)
        #expect(report.layer(.iptc)?.declaresAI == true)
    }

    @Test("a decompression bomb in a zTXt label is refused as invalid, not inflated without bound")
    func bomb() throws {
        let bomb = try Zlib.deflate([UInt8](repeating: 0x41, count: PNG.maxTextChunkBytes + 1))
        let png = PNGBuilder.minimal(extraBeforeIDAT: [("zTXt", Array("AIGC\0".utf8) + [0] + bomb)])
        let report = Verifier().verify(png)
        #expect(report.verdict == .invalid)
    }
}
