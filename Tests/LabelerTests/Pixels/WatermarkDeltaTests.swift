import Foundation
import LabelerPixels
import Testing

@testable import LabelerPixels

/// Marking in place must be reversible exactly, clipping included, or a pass that missed the target
/// PSNR would leave a trace in the redo.
@Suite struct WatermarkDeltaTests {
    @Test("apply then undo gives back every byte, also where clipping to 0 and 255 lost values")
    func undoIsExact() throws {
        var original = try WatermarkTests.decoded("chelsea.png").raster
        // Black and white bands so that a strong change clips in both directions; a width that is
        // not a multiple of 4 exercises the per-pixel tail too.
        original = WatermarkTests.crop(original, x: 0, y: 0, width: 450, height: 300)
        for y in 0 ..< 40 {
            for x in 0 ..< original.width {
                for channel in 0 ..< 3 {
                    original.pixels[(y * original.width + x) * 4 + channel] = 0
                    original.pixels[((y + 100) * original.width + x) * 4 + channel] = 255
                }
            }
        }
        let patterns = WatermarkPatterns.standard
        let tile = patterns.tile(codedBits: Watermark.codedBits(WatermarkTests.payload, patterns: patterns))
            .map(Float.init)
        let delta = WatermarkDelta(
            width: original.width, height: original.height, tile: tile, mask: PerceptualMask(original))
        var pixels = original.pixels
        let applied = delta.apply(gain: 6, to: &pixels)
        #expect(pixels != original.pixels)
        #expect(applied.psnr < 40)
        delta.undo(gain: 6, clipped: applied.clipped, in: &pixels)
        #expect(pixels == original.pixels)
    }

    @Test("the vectorised row (SSE2, 4 pixels at a time) equals the per-pixel formula byte for byte, and its PSNR")
    func matchesFormula() throws {
        var original = try WatermarkTests.decoded("chelsea.png").raster
        original = WatermarkTests.crop(original, x: 0, y: 0, width: 451 - 2, height: 130)
        for x in 0 ..< original.width {  // a black and a white row: clipping both ways
            for channel in 0 ..< 3 {
                original.pixels[x * 4 + channel] = 0
                original.pixels[(original.width + x) * 4 + channel] = 255
            }
        }
        let patterns = WatermarkPatterns.standard
        let tile = patterns.tile(codedBits: Watermark.codedBits(WatermarkTests.payload, patterns: patterns))
            .map(Float.init)
        let mask = PerceptualMask(original)
        let delta = WatermarkDelta(width: original.width, height: original.height, tile: tile, mask: mask)
        let gain: Float = 7.3
        var expected = original.pixels
        var squaredError = 0
        for y in 0 ..< original.height {
            for x in 0 ..< original.width {
                let weight = mask.weights[(y / PerceptualMask.block) * mask.blockWidth + x / PerceptualMask.block]
                let value = weight * tile[(y % 128) * 128 + x % 128]
                let change = Int((gain * value).rounded(.toNearestOrEven))
                for channel in 0 ..< 3 {
                    let index = (y * original.width + x) * 4 + channel
                    let old = Int(original.pixels[index])
                    let new = min(max(old + change, 0), 255)
                    expected[index] = UInt8(new)
                    squaredError += (new - old) * (new - old)
                }
            }
        }
        let mse = Double(squaredError) / Double(3 * original.width * original.height)
        let sampled = delta.psnr(original.pixels, gain: gain, rowStep: 1)
        var pixels = original.pixels
        let applied = delta.apply(gain: gain, to: &pixels)
        #expect(pixels == expected)
        #expect(abs(applied.psnr - 10 * log10(65025 / mse)) < 1e-9)
        #expect(abs(sampled - applied.psnr) < 1e-9)
    }
}
