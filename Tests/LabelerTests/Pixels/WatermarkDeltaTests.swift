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
}
