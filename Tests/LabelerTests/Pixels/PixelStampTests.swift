import Foundation
import LabelerBytes
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@testable import Labeler

@Suite struct PixelStampTests {
    static let visible = StampOptions(visibleLabel: VisibleLabelOptions())

    static func sample(_ name: String) throws -> [UInt8] {
        try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(name))
    }

    /// The bytes of every chunk a re-encode must carry (not IHDR/IDAT/IEND/PLTE/…), in order.
    static func carriedChunks(_ bytes: [UInt8]) throws -> [[UInt8]] {
        let handler = try PNG.Handler(walking: bytes)
        return handler.reader.chunks.filter { !PNG.Handler.encodingChunks.contains($0.type) }.map {
            Array(bytes[$0.range])
        }
    }

    /// The bytes of every APPn/COM segment before the first scan, in order.
    static func metadataSegments(_ bytes: [UInt8]) throws -> [[UInt8]] {
        let handler = try JPEG.Handler(walking: bytes)
        let firstScan = handler.reader.segments.firstIndex { $0.marker == JPEG.Marker.sos } ?? 0
        return handler.reader.segments[..<firstScan].filter(handler.isCarriedMetadata).map { Array(bytes[$0.range]) }
    }

    /// A PNG of `width × height` with an `eXIf` chunk holding `orientation`, and a `tEXt` after IDAT.
    static func orientedPNG(width: Int, height: Int, orientation: UInt8) throws -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0 ..< height { for x in 0 ..< width { pixels += [UInt8(x & 0xFF), UInt8(y & 0xFF), 200] } }
        let plain = try PNGCodec.encode(DecodedImage(width: width, height: height, channels: 3, pixels: pixels))
        let handler = try PNG.Handler(walking: plain)
        let tiff: [UInt8] =
            [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]
            + [0, 0, 0, 0]
        var builder = PNGBuilder(bytes: [])
        builder = builder.raw(Array(plain[0 ..< 8]))
        for chunk in handler.reader.chunks {
            if chunk.type == .IEND { builder = builder.chunk("tEXt", Array("Comment\u{0}after the data".utf8)) }
            if chunk.type == .IDAT, chunk == handler.reader.chunks.first(where: { $0.type == .IDAT }) {
                builder = builder.chunk("eXIf", tiff)
            }
            builder = builder.raw(Array(plain[chunk.range]))
        }
        return builder.bytes
    }

    @Test(
        "PNG: every non-pixel chunk is carried byte for byte, and pixels change only inside the plate",
        arguments: [
            "edge/xmp-exiftool.png", "edge/labelled-exiftool-full.png", "edge/palette.png", "photos/chelsea.png",
        ])
    func pngCarry(name: String) throws {
        let input = try Self.sample(name)
        let container = try PNG.Handler(walking: input)
        let drawn = try PixelLayer.drawVisibleLabel(
            in: container, options: VisibleLabelOptions(corner: .topLeft), disclosure: .sample)
        #expect(try Self.carriedChunks(drawn.bytes) == Self.carriedChunks(input))
        let before = try RasterCodec.decode(input).raster
        let after = try RasterCodec.decode(drawn.bytes).raster
        let record = drawn.record
        for y in 0 ..< before.height {
            for x in 0 ..< before.width {
                let inside =
                    x >= record.x && x < record.x + record.width && y >= record.y && y < record.y + record.height
                if !inside, before.pixel(x: x, y: y) != after.pixel(x: x, y: y) {
                    Issue.record("pixel (\(x), \(y)) outside the plate changed")
                    return
                }
            }
        }
        #expect(record.languages == [.en, .zh] && record.corner == .topLeft)
    }

    @Test(
        "JPEG: every APPn/COM segment is carried byte for byte; quality and sampling stay",
        arguments: ["edge/exif-camera.jpg", "edge/xmp-exiftool.jpg", "edge/progressive.jpg", "photos/rocket.jpg"])
    func jpegCarry(name: String) throws {
        let input = try Self.sample(name)
        let drawn = try PixelLayer.drawVisibleLabel(
            in: try JPEG.Handler(walking: input), options: VisibleLabelOptions(), disclosure: .sample)
        #expect(try Self.metadataSegments(drawn.bytes) == Self.metadataSegments(input))
        let before = try JPEGCodec.inspect(input)
        let after = try JPEGCodec.inspect(drawn.bytes)
        // Same estimated quality; for IJG-made sources (all but rocket.jpg) the very same tables.
        let quality = JPEGQuality.estimate(luminanceTable: before.luminanceTable)
        #expect(JPEGQuality.estimate(luminanceTable: after.luminanceTable) == quality)
        if name != "photos/rocket.jpg" { #expect(after.luminanceTable == before.luminanceTable) }
        #expect(after.horizontalSampling == before.horizontalSampling)
        #expect(after.verticalSampling == before.verticalSampling)
        #expect(after.progressive == before.progressive)
    }

    @Test("EXIF orientation is honoured: the label lands in the visual corner", arguments: [1, 3, 6, 8])
    func orientation(orientation: UInt8) throws {
        let input = try Self.orientedPNG(width: 240, height: 120, orientation: orientation)
        let drawn = try PixelLayer.drawVisibleLabel(
            in: try PNG.Handler(walking: input), options: VisibleLabelOptions(corner: .bottomRight),
            disclosure: .sample)
        let stored = try RasterCodec.decode(drawn.bytes).raster
        let oriented = try #require(Orientation(rawValue: Int(orientation)))
        let visual = stored.applying(oriented)
        let original = try RasterCodec.decode(input).raster.applying(oriented)
        let box = try #require(VisibleLabelTests.changedBox(original, visual))
        // Bottom-right of the picture as viewed, within the margin.
        let margin = min(visual.width, visual.height) / 50
        #expect(box.x + box.width == visual.width - margin, "box \(box) in \(visual.width)x\(visual.height)")
        #expect(box.y + box.height == visual.height - margin)
        #expect(drawn.record.x == box.x && drawn.record.y == box.y)
        // The eXIf and tEXt chunks came along.
        #expect(try Self.carriedChunks(drawn.bytes) == Self.carriedChunks(input))
    }

    @Test("stamp with a visible label: verify reads the metadata, and the XMP says where the label is")
    func stampThenVerify() throws {
        for name in ["photos/coffee.png", "edge/exif-camera.jpg"] {
            let input = try Self.sample(name)
            let stamped = try Stamper(disclosure: .sample, options: Self.visible).stamp(input)
            #expect(stamped.plan.regions.allSatisfy { if case .bytes = $0.content { true } else { false } })
            let output = stamped.plan.materialize(from: [])
            let report = Verifier().verify(output)
            #expect(report.verdict == .labelled, "\(name)")
            let text = String(decoding: output, as: UTF8.self)
            #expect(text.contains("<LabelerVisible:Corner>bottom-right</LabelerVisible:Corner>"))
            #expect(text.contains("http://ns.labeler.dev/visible-label/1.0/"))
            #expect(text.contains("<rdf:li>en</rdf:li>") && text.contains("<rdf:li>zh</rdf:li>"))
        }
    }

    @Test("signed with a visible label: the manifest binds the labelled pixels and validates")
    func signed() throws {
        for name in ["photos/chelsea.png", "photos/rocket.jpg"] {
            let input = try Self.sample(name)
            let options = StampOptions(
                signer: try SignedStampTests.signer("es256"), visibleLabel: VisibleLabelOptions(corner: .topRight))
            let output = try Stamper(disclosure: .sample, options: options).stamp(input).plan.materialize(from: [])
            let report = Verifier().verify(output)
            #expect(report.verdict == .labelled)
            let layer = try #require(report.layer(.c2pa))
            #expect(layer.status == .present && layer.problems.isEmpty, "\(name): \(layer.problems)")
        }
    }

    @Test("metadata-only stamping never decodes: the plan still refers to the input")
    func metadataOnlyUntouched() throws {
        let input = try Self.sample("photos/coffee.png")
        let stamped = try Stamper(disclosure: .sample).stamp(input)
        #expect(stamped.plan.regions.contains { if case .original = $0.content { true } else { false } })
    }

    @Test("corrupt pixel data: a clear error naming the offset where the image data starts")
    func corruptPixels() throws {
        var input = try Self.sample("photos/coffee.png")
        let original = input
        let idat = try #require(try PNG.Handler(walking: input).reader.chunks.first { $0.type == .IDAT })
        // Garbage in the zlib stream, CRC recomputed so the container walk still passes.
        for index in idat.dataRange.lowerBound + 2 ..< idat.dataRange.lowerBound + 40 { input[index] = 0xA5 }
        let crc = Zlib.crc32(Array(input[idat.offset + 4 ..< idat.dataRange.upperBound]))
        var writer = ByteWriter()
        writer.writeInteger(crc)
        input.replaceSubrange(idat.dataRange.upperBound ..< idat.dataRange.upperBound + 4, with: writer.bytes)
        #expect(throws: Never.self) { try Stamper(disclosure: .sample).stamp(input) }
        do {
            _ = try Stamper(disclosure: .sample, options: Self.visible).stamp(input)
            Issue.record("corrupt pixel data was stamped")
        } catch let error as LabelerError {
            #expect(error.code == .corrupt)
            #expect(error.offset == idat.offset)
            #expect(error.message.contains("pixels: libpng"), "\(error.message)")
        }
        #expect(original.count == input.count)
    }

    @Test("a decompression bomb is refused as too large")
    func bomb() throws {
        let input = try Self.sample("photos/coffee.png")
        let options = StampOptions(visibleLabel: VisibleLabelOptions(maxPixelCount: 10_000))
        do {
            _ = try Stamper(disclosure: .sample, options: options).stamp(input)
            Issue.record("the pixel limit was ignored")
        } catch let error as LabelerError {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("600x400") && error.message.contains("10000 pixels"), "\(error.message)")
        }
    }
}
