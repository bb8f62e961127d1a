import Foundation
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@Suite struct RasterCodecTests {
    static let pngKinds = [
        "photos/coffee.png", "photos/camera.png", "photos/chelsea.png", "edge/palette.png", "edge/rgb16.png",
        "edge/interlaced-alpha.png",
    ]

    /// A gradient with some texture, so quantisation tables matter.
    static func gradient(width: Int, height: Int) -> DecodedImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 3)
        for y in 0 ..< height {
            for x in 0 ..< width {
                pixels += [UInt8((x * 255) / width), UInt8((y * 255) / height), UInt8((x * y + x * 7) & 0xFF)]
            }
        }
        return DecodedImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    @Test("PNG decode → encode → decode is pixel-exact for every colour type and depth", arguments: pngKinds)
    func pngRoundTrip(name: String) throws {
        let bytes = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(name))
        let decoded = try RasterCodec.decode(bytes)
        let encoded = try RasterCodec.encode(decoded.raster, like: decoded.encoding)
        let again = try RasterCodec.decode(encoded)
        #expect(again.raster == decoded.raster)
        #expect(again.encoding == decoded.encoding)
    }

    @Test("transparency is kept: an alpha PNG is re-encoded with alpha, an opaque one without")
    func alpha() throws {
        let alpha = try RasterCodec.decode(
            TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("edge/interlaced-alpha.png")))
        #expect(alpha.encoding == .png(alpha: true, gray: false))
        let opaque = try RasterCodec.decode(
            TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("edge/palette.png")))
        #expect(opaque.encoding == .png(alpha: false, gray: false))
    }

    @Test("a gray PNG stays gray (colour type 0) through a visible label, drawn in grays")
    func grayStaysGray() throws {
        let decoded = try RasterCodec.decode(
            TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/camera.png")))
        #expect(decoded.encoding == .png(alpha: false, gray: true))
        var raster = decoded.raster
        _ = try VisibleLabelRenderer().draw(VisibleLabelTests.allLanguages, on: &raster)
        let encoded = try RasterCodec.encode(raster, like: decoded.encoding)
        #expect(encoded[25] == 0)
        #expect(try RasterCodec.decode(encoded).raster == raster)
    }

    @Test("JPEG quality is estimated from the quantisation tables within ±3", arguments: [50, 75, 90, 30, 95])
    func qualityEstimate(quality: Int) throws {
        let bytes = try JPEGCodec.encode(Self.gradient(width: 64, height: 48), quality: quality)
        let decoded = try RasterCodec.decode(bytes)
        guard case .jpeg(let estimated, let h, let v, let gray, let progressive) = decoded.encoding else {
            Issue.record("not decoded as JPEG")
            return
        }
        #expect(abs(estimated - quality) <= 3, "estimated \(estimated) for \(quality)")
        #expect(h == 2 && v == 2 && !gray && !progressive)
    }

    @Test(
        "re-encoding keeps quality, chroma subsampling and progression",
        arguments: [(1, 1, false), (2, 1, false), (2, 2, true)])
    func reencodeLikeSource(h: Int, v: Int, progressive: Bool) throws {
        let source = try JPEGCodec.encode(
            Self.gradient(width: 80, height: 40), quality: 75, horizontalSampling: h, verticalSampling: v,
            gray: false, progressive: progressive)
        let decoded = try RasterCodec.decode(source)
        let encoded = try RasterCodec.encode(decoded.raster, like: decoded.encoding)
        let before = try JPEGCodec.inspect(source)
        let after = try JPEGCodec.inspect(encoded)
        #expect(after.horizontalSampling == h && after.verticalSampling == v && after.progressive == progressive)
        #expect(after.luminanceTable == before.luminanceTable)
        #expect(after.chrominanceTable == before.chrominanceTable)
    }

    @Test(
        "sample JPEGs (baseline, progressive, gray) re-encode like their source",
        arguments: ["edge/progressive.jpg", "edge/grayscale.jpg", "photos/rocket.jpg", "edge/exif-camera.jpg"])
    func sampleJPEGs(name: String) throws {
        let bytes = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(name))
        let before = try JPEGCodec.inspect(bytes)
        let decoded = try RasterCodec.decode(bytes)
        let encoded = try RasterCodec.encode(decoded.raster, like: decoded.encoding)
        let after = try JPEGCodec.inspect(encoded)
        #expect(after.components == before.components)
        #expect(after.progressive == before.progressive)
        if before.components == 3 {
            #expect(after.horizontalSampling == before.horizontalSampling)
            #expect(after.verticalSampling == before.verticalSampling)
        }
        let estimate = JPEGQuality.estimate(luminanceTable: before.luminanceTable)
        #expect(JPEGQuality.estimate(luminanceTable: after.luminanceTable) == estimate)
    }

    @Test("a decompression bomb is refused before allocation, naming the dimensions and the limit")
    func bomb() throws {
        // A 1×1 PNG's IHDR patched to claim 60000×60000: 3.6 gigapixels from a few bytes.
        let small = try PNGCodec.encode(DecodedImage(width: 1, height: 1, channels: 3, pixels: [1, 2, 3]))
        var bomb = small
        bomb.replaceSubrange(16 ..< 24, with: [0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60])
        let crc = Zlib.crc32(Array(bomb[12 ..< 29]))
        bomb.replaceSubrange(
            29 ..< 33, with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        do {
            _ = try RasterCodec.decode(bomb)
            Issue.record("a 60000x60000 PNG was decoded")
        } catch {
            #expect(error.code == CLibraryError.limitExceeded)
            #expect(error.message.contains("60000x60000"))
            #expect(error.message.contains("100000000 pixels"))
        }
        let jpeg = try JPEGCodec.encode(Self.gradient(width: 64, height: 48), quality: 80)
        do {
            _ = try RasterCodec.decode(jpeg, maxPixelCount: 1000)
            Issue.record("the pixel limit was ignored")
        } catch {
            #expect(error.code == CLibraryError.limitExceeded)
            #expect(error.message.contains("64x48") && error.message.contains("1000 pixels"))
        }
    }

    @Test("EXIF orientation: applying then storing moves every pixel back; 90° turns swap the sides")
    func orientationRoundTrip() {
        var pixels: [UInt8] = []
        for index in 0 ..< 6 * 4 { pixels += [UInt8(index), UInt8(index / 2), 7, 255] }
        let raster = Raster(width: 6, height: 4, pixels: pixels)
        for orientation in Orientation.allCases {
            let visual = raster.applying(orientation)
            #expect(visual.width == (orientation.swapsSides ? 4 : 6))
            #expect(visual.storing(as: orientation) == raster)
        }
        // Orientation 6 (rotate 90° clockwise to view): the stored top-left pixel shows top-right.
        let right = raster.applying(.right)
        #expect(right.pixel(x: 3, y: 0) == raster.pixel(x: 0, y: 0))
    }

    @Test("the Orientation tag is read from big- and little-endian TIFF")
    func orientationTag() {
        let big: [UInt8] = [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
        let little: [UInt8] = [
            0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0,
        ]
        #expect(Orientation(tiff: big[...]) == .right)
        #expect(Orientation(tiff: little[...]) == .left)
        #expect(Orientation(tiff: big[0 ..< 12]) == nil)
    }
}
