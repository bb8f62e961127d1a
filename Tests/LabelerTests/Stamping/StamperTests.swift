import Foundation
import LabelerCInterop
import Testing
import LabelerTestSupport
@testable import Labeler

@Suite struct StamperTests {
    let stamper = try! Stamper(disclosure: .sample)

    /// The bytes of `plan` that came from the input, in order.
    func keptBytes(_ plan: SplicePlan, _ source: [UInt8]) -> [UInt8] {
        plan.regions.flatMap { region -> [UInt8] in
            if case .original(let range) = region.content { return Array(source[range]) }
            return []
        }
    }

    static let realFiles = [
        "photos/coffee.png", "photos/astronaut.jpg", "edge/progressive.jpg", "edge/palette.png",
        "edge/interlaced-alpha.png", "edge/rgb16.png", "edge/xmp-exiftool.jpg", "edge/xmp-exiftool.png",
        "edge/exif-camera.jpg", "edge/grayscale.jpg",
    ]

    @Test("changes only metadata: image data bytes and decoded pixels are identical", arguments: realFiles)
    func lossless(name: String) throws {
        let input = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent(name))
        let stamped = try stamper.stamp(input)
        let output = stamped.plan.materialize(from: input)
        if stamped.format == .png {
            let before = try PNG.Handler(walking: input).reader.chunks.filter { $0.type == .IDAT }.map {
                Array(input[$0.range])
            }
            let after = try PNG.Handler(walking: output).reader.chunks.filter { $0.type == .IDAT }.map {
                Array(output[$0.range])
            }
            #expect(before == after)
            #expect(try PNGCodec.decode(input) == PNGCodec.decode(output))
        } else {
            let scan = { (bytes: [UInt8]) throws -> [UInt8] in
                let handler = try JPEG.Handler(walking: bytes)
                let sos = try #require(handler.reader.segments.firstIndex { $0.marker == JPEG.Marker.sos })
                return Array(bytes[handler.reader.segments[sos].offset...])
            }
            #expect(try scan(input) == scan(output))
            #expect(try JPEGCodec.decode(input) == JPEGCodec.decode(output))
        }
        #expect(Verifier().verify(output).verdict == .labelled)
    }

    @Test("re-stamping replaces the label: one XMP packet, one AIGC label")
    func restamp() throws {
        for name in ["photos/coffee.png", "edge/xmp-exiftool.jpg"] {
            let input = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent(name))
            let once = try stamper.stamp(input).plan.materialize(from: input)
            let twice = try stamper.stamp(once).plan.materialize(from: once)
            let report = Verifier().verify(twice)
            #expect(report.verdict == .labelled)
            #expect(report.layer(.tc260)?.locations.count == 1)
            #expect(abs(twice.count - once.count) < 8, "size drifts: \(once.count) → \(twice.count)")
        }
    }

    @Test("puts XMP before the first IDAT in PNG, after APP0/Exif in JPEG")
    func placement() throws {
        let png = PNGBuilder.minimal()
        let stampedPNG = try stamper.stamp(png).plan.materialize(from: png)
        let chunks = try PNG.Handler(walking: stampedPNG).reader.chunks
        #expect(chunks.map(\.type.description) == ["IHDR", "iTXt", "IDAT", "IEND"])
        let jpeg = try JPEGBuilder.encoded()
        let stampedJPEG = try stamper.stamp(jpeg).plan.materialize(from: jpeg)
        let handler = try JPEG.Handler(walking: stampedJPEG)
        let names = handler.reader.segments.prefix(4).map { segment in
            handler.isExif(segment) ? "Exif" : handler.isXMP(segment) ? "XMP" : segment.name
        }
        #expect(names == ["SOI", "APP0", "Exif", "XMP"])
    }

    @Test("keeps existing EXIF tags and fills only empty Software / ImageDescription")
    func exifKept() throws {
        let input = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent("edge/exif-camera.jpg"))
        let before = try #require(try JPEG.Handler(walking: input).sites().exif.first)
        let output = try stamper.stamp(input).plan.materialize(from: input)
        let after = try #require(try JPEG.Handler(walking: output).sites().exif.first)
        let oldTags = try EXIFEditor.readTags(before.bytes[...])
        let newTags = try EXIFEditor.readTags(after.bytes[...])
        #expect(newTags.make == oldTags.make && newTags.model == oldTags.model && newTags.artist == oldTags.artist)
        #expect(newTags.software == (oldTags.software?.isEmpty == false ? oldTags.software : "TestGen 2.1"))
    }

    @Test("refuses files carrying a C2PA manifest unless forced")
    func c2pa() throws {
        let input = try TestPaths.read(TestPaths.c2paFixtures.appendingPathComponent("C.jpg"))
        let error = #expect(throws: LabelerError.self) { try stamper.stamp(input) }
        #expect(error?.code == .provenancePresent)
        #expect(error?.message.contains("--force") == true)
        #expect(Verifier().verify(input).layer(.c2pa)?.status == .present)
        // Forced, the edit breaks the manifest's hard binding: verify now says so.
        let forced = try Stamper(disclosure: .sample, options: StampOptions(force: true)).stamp(input)
        let layer = Verifier().verify(forced.plan.materialize(from: input)).layer(.c2pa)
        #expect(layer?.status == .invalid)
        #expect(layer?.problems.map(\.kind.rawValue) == ["c2pa.assertion.dataHash.mismatch"])
    }

    @Test("names the byte offset of corrupt input and the magic of non-images")
    func badInput() throws {
        var png = PNGBuilder.minimal()
        png[png.count - 20] ^= 0xFF  // inside IDAT: CRC mismatch
        let crc = #expect(throws: LabelerError.self) { try stamper.stamp(png) }
        #expect(crc?.code == .corrupt && crc?.offset != nil)
        let text = #expect(throws: LabelerError.self) { try stamper.stamp(Array("hello world".utf8)) }
        #expect(text?.code == .unsupportedFormat && text?.message.contains("68 65 6C 6C") == true)
        #expect((#expect(throws: LabelerError.self) { try stamper.stamp([]) })?.message.contains("empty") == true)
    }
}

@Suite struct StamperLabelCopyTests {
    @Test("stamping moves an EXIF UserComment AIGC label into XMP: one copy remains")
    func exifLabelReplaced() throws {
        let input = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent("edge/exif-usercomment-aigc.jpg"))
        #expect(Verifier().verify(input).layer(.tc260)?.locations.first?.contains("UserComment") == true)
        let output = try Stamper(disclosure: .sample).stamp(input).plan.materialize(from: input)
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        #expect(report.layer(.tc260)?.locations.count == 1)
        #expect(report.layer(.exif)?.fields["UserComment"] == nil)
    }

    @Test("stamping replaces a PNG tEXt AIGC label (Doubao style): one copy remains")
    func pngTextLabelReplaced() throws {
        let input = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent("edge/doubao-text-aigc.png"))
        let output = try Stamper(disclosure: .sample).stamp(input).plan.materialize(from: input)
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        #expect(report.layer(.tc260)?.locations.count == 1)
        #expect(report.layer(.tc260)?.fields["ContentProducer"] == "001191110000EXAMPLE00X1AB01")
    }
}

@Suite struct ProducerNameStampTests {
    @Test("a producer name without a TC260 code is written as dc:publisher once, and the label verifies")
    func publisher() throws {
        let disclosure = Disclosure(aiSystem: "TestGen", producerName: "ТОО \"Алма\" & Co", languages: [.kk, .ru])
        let stamper = try Stamper(disclosure: disclosure)
        let input = PNGBuilder.minimal()
        let once = try stamper.stamp(input).plan.materialize(from: input)
        let twice = try stamper.stamp(once).plan.materialize(from: once)
        let report = Verifier().verify(twice)
        #expect(report.verdict == .labelled)
        #expect(report.layer(.iptc)?.fields["Publisher"] == "ТОО \"Алма\" & Co")
        let packet = try #require(PNG.Handler(walking: twice).sites().xmp.first)
        let document = try XMP.Document(parsing: packet.bytes)
        #expect(document.properties(.publisher).count == 1)
        #expect(report.layer(.tc260)?.fields["ContentProducer"] == ProducerName.annexESafe("ТОО \"Алма\" & Co"))
    }
}
