import Foundation
import LabelerPixels
import Testing

@testable import LabelerPixels

/// Embed and detect speed, one core, image already decoded. Meaningful only in release:
/// `LABELER_TIMING=1 swift test -c release --filter WatermarkTimingTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LABELER_TIMING"] == "1"))
struct WatermarkTimingTests {
    @Test("embed and detect ms per megapixel on a 4-megapixel photo mosaic")
    func timing() throws {
        let tile = try WatermarkTests.decoded("hubble_deep_field.jpg").raster
        let width = 2048
        let height = 2048
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0 ..< height {
            for x in 0 ..< width {
                let source = ((y % tile.height) * tile.width + x % tile.width) * 4
                for channel in 0 ..< 4 { pixels[(y * width + x) * 4 + channel] = tile.pixels[source + channel] }
            }
        }
        let original = Raster(width: width, height: height, pixels: pixels)
        let megapixels = Double(width * height) / 1e6
        let watermark = Watermark(payload: WatermarkTests.payload)
        var embedTimes: [Double] = []
        var marked = original
        for _ in 0 ..< 3 {
            marked = original
            let start = ContinuousClock.now
            try watermark.embed(into: &marked)
            embedTimes.append(Self.milliseconds(ContinuousClock.now - start) / megapixels)
        }
        var detectTimes: [Double] = []
        let detector = WatermarkDetector()
        for _ in 0 ..< 3 {
            let start = ContinuousClock.now
            let detection = detector.detect(marked)
            detectTimes.append(Self.milliseconds(ContinuousClock.now - start) / megapixels)
            #expect(detection.payload == WatermarkTests.payload)
        }
        let tileStart = ContinuousClock.now
        _ = WatermarkPatterns.standard.tile(codedBits: Watermark.codedBits(WatermarkTests.payload, patterns: .standard))
        let tileMilliseconds = Self.milliseconds(ContinuousClock.now - tileStart)
        let maskStart = ContinuousClock.now
        _ = LumaPlane(luma: original).localDeviation()
        let maskMilliseconds = Self.milliseconds(ContinuousClock.now - maskStart) / megapixels
        let filterStart = ContinuousClock.now
        _ = WatermarkDetector.fold(WatermarkDetector.prefilter(LumaPlane(luma: marked)))
        let filterMilliseconds = Self.milliseconds(ContinuousClock.now - filterStart) / megapixels
        print(
            "watermark timing parts: tile \(tileMilliseconds) ms per image, luma + local deviation \(maskMilliseconds) ms/MP, "
                + "detect luma + prefilter + fold \(filterMilliseconds) ms/MP")
        print("watermark timing: embed \(embedTimes.sorted()[1]) ms/MP, detect \(detectTimes.sorted()[1]) ms/MP")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
