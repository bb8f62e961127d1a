import Foundation

/// Embeds the invisible watermark (watermark.md §5) into a raster's luma.
///
/// The payload (``WatermarkPayload``, 64 bits) is convolutionally coded to 140 bits
/// (``ConvolutionalCode``), whitened, and spread over a 128 × 128 tile with a sync pattern
/// (``WatermarkPatterns``). The tile is repeated from pixel (0, 0) over the whole picture,
/// weighted by a perceptual mask — more in texture (local 7 × 7 deviation relative to the image
/// mean, clipped to 0.35…2.5), less near black and white (clipped to 0.3…1), smoothed 5 × 5 —
/// and added to R, G and B alike, so only luma changes and chroma and alpha are untouched. The
/// gain is solved so that the PSNR of the rounded, clipped result lands just above
/// ``targetPSNR``.
package struct Watermark: Sendable {
    /// The shorter side must hold one whole tile.
    package static let minimumSide = WatermarkPatterns.tile
    /// Mean local 7 × 7 luma deviation (grey levels) below which an image is too flat to mark.
    package static let minimumTexture: Float = 1.5
    /// Default target PSNR, dB.
    package static let defaultTargetPSNR = 40.0

    package var payload: WatermarkPayload
    package var targetPSNR: Double
    package var patterns: WatermarkPatterns

    package init(
        payload: WatermarkPayload, targetPSNR: Double = defaultTargetPSNR, patterns: WatermarkPatterns = .standard
    ) {
        self.payload = payload
        self.targetPSNR = targetPSNR
        self.patterns = patterns
    }

    /// The coded, whitened bits the tile carries.
    static func codedBits(_ payload: WatermarkPayload, patterns: WatermarkPatterns) -> [UInt8] {
        let coded = ConvolutionalCode.encode(payload.bits)
        return zip(coded, patterns.whitening(count: coded.count)).map { $0 ^ $1 }
    }

    /// Marks `raster` in place.
    /// - Throws: ``WatermarkError`` when the image is too small or too flat; `raster` is unchanged.
    @discardableResult
    package func embed(into raster: inout Raster) throws(WatermarkError) -> WatermarkEmbedding {
        guard min(raster.width, raster.height) >= Self.minimumSide else {
            throw .tooSmall(width: raster.width, height: raster.height, minimum: Self.minimumSide)
        }
        let mask = PerceptualMask(raster)
        let texture = mask.texture
        guard texture >= Self.minimumTexture else {
            throw .tooFlat(texture: Double(texture), minimum: Double(Self.minimumTexture))
        }
        let tile = patterns.tile(codedBits: Self.codedBits(payload, patterns: patterns)).map(Float.init)
        let delta = WatermarkDelta(width: raster.width, height: raster.height, tile: tile, mask: mask)
        // MSE budget 255² / 10^(PSNR/10), aiming 0.06 dB above the target; rounding adds about
        // 1/12 grey level² of its own, so the first gain leaves that room and usually lands in the
        // accepted 0.02…0.2 dB above the target at once. The gain is settled on every 7th row —
        // 7 is prime to the 128-row tile and the 4-row mask blocks, so the sample meets every tile
        // row (every 8th met only 16 of them and misjudged the energy by up to 0.1 dB); the final
        // pass both applies it and measures the PSNR on every row.
        let budget = 65025 / pow(10, (targetPSNR + 0.06) / 10)
        var gain = max(budget - 1.0 / 12, budget / 2).squareRoot() / max(delta.rms(rowStep: 7), 1e-9)
        var psnr = delta.psnr(raster.pixels, gain: Float(gain), rowStep: 7)
        for _ in 0 ..< 8 where psnr < targetPSNR + 0.02 || psnr > targetPSNR + 0.2 {
            gain *= pow(10, (psnr - targetPSNR - 0.06) / 20)
            psnr = delta.psnr(raster.pixels, gain: Float(gain), rowStep: 7)
        }
        var applied = delta.apply(gain: Float(gain), to: &raster.pixels)
        // The sampled rows can still miss: below the target is corrected until met, more than
        // 0.25 dB above at most twice.
        var overshoots = 0
        while applied.psnr < targetPSNR || (applied.psnr > targetPSNR + 0.25 && overshoots < 2) {
            if applied.psnr > targetPSNR { overshoots += 1 }
            delta.undo(gain: Float(gain), clipped: applied.clipped, in: &raster.pixels)
            gain *= pow(10, (applied.psnr - targetPSNR - 0.03) / 20)
            applied = delta.apply(gain: Float(gain), to: &raster.pixels)
        }
        psnr = applied.psnr
        return WatermarkEmbedding(psnr: psnr, strength: gain, texture: Double(texture))
    }
}
