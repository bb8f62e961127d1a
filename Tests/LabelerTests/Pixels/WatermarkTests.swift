import Foundation
import LabelerCInterop
import LabelerPixels
import LabelerTestSupport
import Testing

@Suite struct WatermarkTests {
    static let photos = [
        "astronaut.jpg", "camera.png", "chelsea.png", "coffee.png", "hubble_deep_field.jpg", "rocket.jpg",
    ]
    static let payload = WatermarkPayload(identifier: 0x5A5_1234_ABCD)

    static func decoded(_ name: String) throws -> RasterCodec.Decoded {
        try RasterCodec.decode(TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/\(name)")))
    }

    static func marked(
        _ name: String, psnr: Double = Watermark.defaultTargetPSNR
    ) throws -> (
        Raster, Raster, WatermarkEmbedding
    ) {
        let original = try decoded(name).raster
        var raster = original
        let embedding = try Watermark(payload: payload, targetPSNR: psnr).embed(into: &raster)
        return (original, raster, embedding)
    }

    static func psnr(_ a: Raster, _ b: Raster) -> Double {
        var total = 0.0
        for index in 0 ..< a.pixels.count where index % 4 != 3 {
            let difference = Double(a.pixels[index]) - Double(b.pixels[index])
            total += difference * difference
        }
        return 10 * log10(65025 / (total / Double(a.width * a.height * 3)))
    }

    static func crop(_ raster: Raster, x: Int, y: Int, width: Int, height: Int) -> Raster {
        var pixels: [UInt8] = []
        for row in y ..< (y + height) {
            let start = (row * raster.width + x) * 4
            pixels += raster.pixels[start ..< (start + width * 4)]
        }
        return Raster(width: width, height: height, pixels: pixels)
    }

    static func jpeg(_ raster: Raster, quality: Int) throws -> Raster {
        let bytes = try RasterCodec.encode(
            raster,
            like: .jpeg(quality: quality, horizontalSampling: 2, verticalSampling: 2, gray: false, progressive: false))
        return try RasterCodec.decode(bytes).raster
    }

    @Test("embed then detect: the exact payload, PSNR at or above the target, alpha kept", arguments: photos)
    func roundTrip(name: String) throws {
        let (original, marked, embedding) = try Self.marked(name)
        let measured = Self.psnr(original, marked)
        #expect(measured >= Watermark.defaultTargetPSNR)
        #expect(abs(measured - embedding.psnr) < 0.01)
        #expect(measured < Watermark.defaultTargetPSNR + 0.3)
        #expect(stride(from: 3, to: marked.pixels.count, by: 4).allSatisfy { marked.pixels[$0] == original.pixels[$0] })
        let detection = WatermarkDetector().detect(marked)
        #expect(detection.outcome == .detected)
        #expect(detection.payload == Self.payload)
        #expect(detection.zScore > 10)
        #expect(detection.falsePositiveBound < 1e-12)
        #expect(detection.offset == (0, 0))
    }

    @Test("survives JPEG q75 (4:2:0) re-encoding", arguments: photos)
    func jpegQ75(name: String) throws {
        let (_, marked, _) = try Self.marked(name)
        let detection = WatermarkDetector().detect(try Self.jpeg(marked, quality: 75))
        #expect(detection.payload == Self.payload, "z \(detection.zScore)")
    }

    @Test("survives a 50 % area centre crop (the tile grid is found at its new offset)", arguments: photos)
    func centreCrop(name: String) throws {
        let (_, marked, _) = try Self.marked(name)
        let width = Int(Double(marked.width) * 0.7071)
        let height = Int(Double(marked.height) * 0.7071)
        let x = (marked.width - width) / 2
        let y = (marked.height - height) / 2
        let detection = WatermarkDetector().detect(Self.crop(marked, x: x, y: y, width: width, height: height))
        #expect(detection.payload == Self.payload, "z \(detection.zScore)")
        #expect(detection.offset == ((128 - x % 128) % 128, (128 - y % 128) % 128))
    }

    @Test("nothing is detected in unmarked photos", arguments: photos)
    func unmarked(name: String) throws {
        let detection = WatermarkDetector().detect(try Self.decoded(name).raster)
        #expect(detection.outcome == .absent)
        #expect(detection.payload == nil)
        #expect(detection.zScore < WatermarkDetector.threshold)
    }

    @Test("flat, gradient and noise images: no detection; flat and gradient are insufficient signal")
    func syntheticNegatives() {
        let flat = Raster(width: 300, height: 200, fill: (120, 130, 140, 255))
        var gradientPixels: [UInt8] = []
        var noisePixels: [UInt8] = []
        var state: UInt64 = 12345
        for y in 0 ..< 256 {
            for x in 0 ..< 384 {
                gradientPixels += [UInt8(x * 255 / 383), UInt8(y), UInt8((x + y) / 3), 255]
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let value = UInt8(truncatingIfNeeded: state >> 56)
                noisePixels += [value, value, value, 255]
            }
        }
        let gradient = Raster(width: 384, height: 256, pixels: gradientPixels)
        let noise = Raster(width: 384, height: 256, pixels: noisePixels)
        let detector = WatermarkDetector()
        #expect(detector.detect(flat).outcome == .insufficientSignal)
        #expect(detector.detect(gradient).outcome == .insufficientSignal)
        let noisy = detector.detect(noise)
        #expect(noisy.outcome == .absent)
        #expect(noisy.zScore < WatermarkDetector.threshold)
        #expect(detector.detect(Raster(width: 100, height: 400, fill: (1, 2, 3, 255))).outcome == .insufficientSignal)
    }

    @Test("too small or too flat: a clear 'cannot watermark'")
    func refusals() {
        let watermark = Watermark(payload: Self.payload)
        var small = Raster(width: 127, height: 500, fill: (10, 200, 30, 255))
        #expect(throws: WatermarkError.tooSmall(width: 127, height: 500, minimum: 128)) {
            try watermark.embed(into: &small)
        }
        var flat = Raster(width: 400, height: 300, fill: (90, 90, 90, 255))
        do {
            try watermark.embed(into: &flat)
            Issue.record("a flat image was marked")
        } catch {
            #expect(error.description.hasPrefix("cannot watermark: the image is too flat"))
        }
        #expect(flat == Raster(width: 400, height: 300, fill: (90, 90, 90, 255)))
    }

    @Test("a higher target PSNR gives a weaker mark that still decodes")
    func strength() throws {
        let (original, marked, embedding) = try Self.marked("coffee.png", psnr: 44)
        #expect(Self.psnr(original, marked) >= 44)
        #expect(embedding.psnr >= 44)
        #expect(WatermarkDetector().detect(marked).payload == Self.payload)
    }
}
