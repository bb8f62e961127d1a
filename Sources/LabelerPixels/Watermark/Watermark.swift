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
        let luma = LumaPlane(luma: raster)
        let (deviation, texture) = luma.localDeviation()
        guard texture >= Self.minimumTexture else {
            throw .tooFlat(texture: Double(texture), minimum: Double(Self.minimumTexture))
        }
        let delta = pattern(luma: luma, deviation: deviation, texture: texture)
        var sumOfSquares: Double = 0
        for value in delta { sumOfSquares += Double(value * value) }
        let rms = (sumOfSquares / Double(delta.count)).squareRoot()
        // MSE budget 255² / 10^(PSNR/10); aim 0.05 dB above the target, accept up to 0.2 dB above.
        var gain = (65025 / pow(10, (targetPSNR + 0.05) / 10)).squareRoot() / max(rms, 1e-9)
        var psnr = Self.psnr(raster.pixels, delta: delta, gain: Float(gain))
        for _ in 0 ..< 8 where psnr < targetPSNR || psnr > targetPSNR + 0.2 {
            gain *= pow(10, (psnr - targetPSNR - 0.05) / 20)
            psnr = Self.psnr(raster.pixels, delta: delta, gain: Float(gain))
        }
        while psnr < targetPSNR {
            gain *= 0.98
            psnr = Self.psnr(raster.pixels, delta: delta, gain: Float(gain))
        }
        Self.apply(delta, gain: Float(gain), to: &raster.pixels)
        return WatermarkEmbedding(psnr: psnr, strength: gain, texture: Double(texture))
    }

    /// mask × tiled pattern, per pixel.
    private func pattern(luma: LumaPlane, deviation: LumaPlane, texture: Float) -> [Float] {
        let tile = patterns.tile(codedBits: Self.codedBits(payload, patterns: patterns)).map(Float.init)
        let mean = luma.boxMean(radius: 3)
        var weights = LumaPlane(width: luma.width, height: luma.height, values: deviation.values)
        for index in 0 ..< weights.values.count {
            let textureWeight = min(max((deviation.values[index] + 2) / (texture + 2), 0.35), 2.5)
            let level = mean.values[index]
            let toneWeight = min(max(min(level, 255 - level) / 24, 0.3), 1)
            weights.values[index] = textureWeight * toneWeight
        }
        var delta = weights.boxMean(radius: 2).values
        let size = WatermarkPatterns.tile
        let width = luma.width
        delta.withUnsafeMutableBufferPointer { out in
            tile.withUnsafeBufferPointer { tile in
                for y in 0 ..< luma.height {
                    let tileRow = (y % size) * size
                    for x in 0 ..< width { out[y * width + x] *= tile[tileRow + x % size] }
                }
            }
        }
        return delta
    }

    /// PSNR (dB, RGB) of `pixels` + gain·delta rounded and clipped, against `pixels`.
    private static func psnr(_ pixels: [UInt8], delta: [Float], gain: Float) -> Double {
        var total: Double = 0
        pixels.withUnsafeBufferPointer { rgba in
            delta.withUnsafeBufferPointer { delta in
                for index in 0 ..< delta.count {
                    let change = gain * delta[index]
                    var local: Float = 0
                    for channel in 0 ..< 3 {
                        let old = Float(rgba[index * 4 + channel])
                        let new = min(max((old + change).rounded(), 0), 255)
                        local += (new - old) * (new - old)
                    }
                    total += Double(local)
                }
            }
        }
        let mse = total / Double(3 * max(delta.count, 1))
        return mse > 0 ? 10 * log10(65025 / mse) : .infinity
    }

    private static func apply(_ delta: [Float], gain: Float, to pixels: inout [UInt8]) {
        pixels.withUnsafeMutableBufferPointer { rgba in
            delta.withUnsafeBufferPointer { delta in
                for index in 0 ..< delta.count {
                    let change = gain * delta[index]
                    for channel in 0 ..< 3 {
                        let old = Float(rgba[index * 4 + channel])
                        rgba[index * 4 + channel] = UInt8(min(max((old + change).rounded(), 0), 255))
                    }
                }
            }
        }
    }
}
