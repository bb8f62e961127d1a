import Foundation
import LabelerPixels
import Testing

/// The rescale search (watermark.md §5.4): a marked 1024² image resized by 0.5 and 1.5 still gives
/// its exact payload and the scale it was resized by; unmarked images give nothing at the
/// threshold that counts every scale of the grid.
@Suite struct WatermarkScaleSearchTests {
    /// astronaut.jpg (512²) doubled by ``resized(_:by:)``: a 1024² photo, and the same marked.
    static let photos: (photo: Raster, marked: Raster)? = {
        guard let source = try? WatermarkTests.decoded("astronaut.jpg").raster else { return nil }
        let photo = resized(source, by: 2)
        var marked = photo
        guard (try? Watermark(payload: WatermarkTests.payload).embed(into: &marked)) != nil else { return nil }
        return (photo, marked)
    }()

    /// Resamples RGBA: the mean of each 2 × 2 block for 0.5 (what an area filter does), bilinear
    /// with centres aligned otherwise. Alpha is set opaque.
    static func resized(_ raster: Raster, by factor: Double) -> Raster {
        let width = Int((Double(raster.width) * factor).rounded())
        let height = Int((Double(raster.height) * factor).rounded())
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        raster.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for y in 0 ..< height {
                    for x in 0 ..< width {
                        // Four source pixels and their weights.
                        let sx = factor == 0.5 ? Double(2 * x) + 0.5 : (Double(x) + 0.5) / factor - 0.5
                        let sy = factor == 0.5 ? Double(2 * y) + 0.5 : (Double(y) + 0.5) / factor - 0.5
                        let x0 = min(max(Int(sx.rounded(.down)), 0), raster.width - 1)
                        let y0 = min(max(Int(sy.rounded(.down)), 0), raster.height - 1)
                        let (x1, y1) = (min(x0 + 1, raster.width - 1), min(y0 + 1, raster.height - 1))
                        let fx = min(max(sx - Double(x0), 0), 1)
                        let fy = min(max(sy - Double(y0), 0), 1)
                        for channel in 0 ..< 3 {
                            let top =
                                Double(source[(y0 * raster.width + x0) * 4 + channel]) * (1 - fx)
                                + Double(source[(y0 * raster.width + x1) * 4 + channel]) * fx
                            let bottom =
                                Double(source[(y1 * raster.width + x0) * 4 + channel]) * (1 - fx)
                                + Double(source[(y1 * raster.width + x1) * 4 + channel]) * fx
                            let value = top * (1 - fy) + bottom * fy
                            target[(y * width + x) * 4 + channel] = UInt8(min(max(value.rounded(), 0), 255))
                        }
                    }
                }
            }
        }
        return Raster(width: width, height: height, pixels: pixels)
    }

    @Test("the threshold keeps the union bound over every shift and grid scale at 1e-6")
    func threshold() {
        #expect(WatermarkDetector.hypotheses == 128 * 128 * 739)
        let atThreshold = WatermarkDetection.bound(
            z: WatermarkDetector.threshold, hypotheses: WatermarkDetector.hypotheses)
        #expect(atThreshold <= 1e-6 && atThreshold > 0.99e-6)
        #expect(WatermarkDetector.threshold > 7.3 && WatermarkDetector.threshold < 7.5)
    }

    @Test("resized 0.5 (and re-encoded as JPEG q90) and 1.5: exact payload and the scale found")
    func resizedMarks() throws {
        let marked = try #require(Self.photos).marked
        let cases: [(String, Raster, Double)] = [
            ("0.5 + jpeg q90", try WatermarkTests.jpeg(Self.resized(marked, by: 0.5), quality: 90), 0.5),
            ("1.5", Self.resized(marked, by: 1.5), 1.5),
        ]
        for (name, raster, factor) in cases {
            let detection = WatermarkDetector().detect(raster)
            #expect(detection.payload == WatermarkTests.payload, "\(name): z \(detection.zScore)")
            #expect(abs(detection.scale / factor - 1) < 0.006, "\(name): scale \(detection.scale)")
            #expect(detection.falsePositiveBound < 1e-6, "\(name)")
            #expect(detection.hypotheses == WatermarkDetector.hypotheses)
        }
    }

    @Test("native hits stop before the search: scale 1, origin where the crop put it")
    func nativeFirst() throws {
        let marked = try #require(Self.photos).marked
        let detection = WatermarkDetector().detect(WatermarkTests.crop(marked, x: 40, y: 7, width: 700, height: 600))
        #expect(detection.payload == WatermarkTests.payload)
        #expect(detection.scale == 1)
        #expect(detection.offset == (88, 121))
    }

    @Test("unmarked images, native and resized, searched over every scale: nothing detected")
    func unmarked() throws {
        let photo = try #require(Self.photos).photo
        for raster in [photo, Self.resized(photo, by: 0.75)] {
            let detection = WatermarkDetector().detect(raster)
            #expect(detection.outcome == .absent, "\(raster.width)x\(raster.height): z \(detection.zScore)")
            #expect(detection.zScore < WatermarkDetector.threshold)
            #expect(detection.payload == nil)
        }
    }
}
