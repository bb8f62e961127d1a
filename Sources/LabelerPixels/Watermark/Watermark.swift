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
        let (delta, sumOfSquares) = pattern(mask: mask, width: raster.width, height: raster.height)
        let rms = (sumOfSquares / Double(max(delta.count, 1))).squareRoot()
        let range = Self.channelRange(raster.pixels)
        let width = raster.width
        func measure(_ gain: Double, rowStep: Int) -> Double {
            Self.psnr(raster.pixels, range: range, delta: delta, gain: Float(gain), width: width, rowStep: rowStep)
        }
        // MSE budget 255² / 10^(PSNR/10); aim 0.05 dB above the target, accept up to 0.2 dB above.
        // The gain is settled on every 4th row, then checked on all of them.
        var gain = (65025 / pow(10, (targetPSNR + 0.05) / 10)).squareRoot() / max(rms, 1e-9)
        var psnr = measure(gain, rowStep: 4)
        for _ in 0 ..< 8 where psnr < targetPSNR || psnr > targetPSNR + 0.2 {
            gain *= pow(10, (psnr - targetPSNR - 0.05) / 20)
            psnr = measure(gain, rowStep: 4)
        }
        psnr = measure(gain, rowStep: 1)
        while psnr < targetPSNR {
            gain *= pow(10, (psnr - targetPSNR - 0.02) / 20)
            psnr = measure(gain, rowStep: 1)
        }
        Self.apply(delta, gain: Float(gain), to: &raster.pixels)
        return WatermarkEmbedding(psnr: psnr, strength: gain, texture: Double(texture))
    }

    /// mask × tiled pattern, per pixel.
    private func pattern(mask: PerceptualMask, width: Int, height: Int) -> ([Float], Double) {
        let tile = patterns.tile(codedBits: Self.codedBits(payload, patterns: patterns)).map(Float.init)
        var delta = [Float](repeating: 0, count: width * height)
        var total: Double = 0
        let size = WatermarkPatterns.tile
        let block = PerceptualMask.block
        delta.withUnsafeMutableBufferPointer { out in
            tile.withUnsafeBufferPointer { tile in
                mask.weights.withUnsafeBufferPointer { weights in
                    for y in 0 ..< height {
                        let tileRow = (y % size) * size
                        let weightRow = (y / block) * mask.blockWidth
                        var rowTotal: Float = 0
                        for x in 0 ..< width {
                            let value = weights[weightRow + x / block] * tile[tileRow + x % size]
                            out[y * width + x] = value
                            rowTotal += value * value
                        }
                        total += Double(rowTotal)
                    }
                }
            }
        }
        return (delta, total)
    }

    /// Per pixel, the least and greatest of R, G, B: a change keeping both in 0…255 is not clipped.
    private static func channelRange(_ pixels: [UInt8]) -> [(UInt8, UInt8)] {
        var out = [(UInt8, UInt8)](repeating: (0, 0), count: pixels.count / 4)
        pixels.withUnsafeBufferPointer { rgba in
            out.withUnsafeMutableBufferPointer { out in
                for index in 0 ..< out.count {
                    let (r, g, b) = (rgba[index * 4], rgba[index * 4 + 1], rgba[index * 4 + 2])
                    out[index] = (min(r, g, b), max(r, g, b))
                }
            }
        }
        return out
    }

    /// PSNR (dB, RGB) of `pixels` + gain·delta rounded and clipped, against `pixels`, over every
    /// `rowStep`-th row. An integer plus a change rounds to the integer plus the rounded change, so
    /// only pixels near black or white need their channels one by one.
    private static func psnr(
        _ pixels: [UInt8], range: [(UInt8, UInt8)], delta: [Float], gain: Float, width: Int, rowStep: Int
    ) -> Double {
        var total: Double = 0
        var count = 0
        pixels.withUnsafeBufferPointer { rgba in
            delta.withUnsafeBufferPointer { delta in
                range.withUnsafeBufferPointer { range in
                    for y in stride(from: 0, to: delta.count / max(width, 1), by: rowStep) {
                        var rowTotal: Float = 0
                        for index in (y * width) ..< (y * width + width) {
                            let change = (gain * delta[index]).rounded()
                            let (low, high) = range[index]
                            if Float(low) + change >= 0, Float(high) + change <= 255 {
                                rowTotal += 3 * change * change
                                continue
                            }
                            for channel in 0 ..< 3 {
                                let old = Float(rgba[index * 4 + channel])
                                let new = min(max(old + change, 0), 255)
                                rowTotal += (new - old) * (new - old)
                            }
                        }
                        total += Double(rowTotal)
                        count += width
                    }
                }
            }
        }
        let mse = total / Double(3 * max(count, 1))
        return mse > 0 ? 10 * log10(65025 / mse) : .infinity
    }

    private static func apply(_ delta: [Float], gain: Float, to pixels: inout [UInt8]) {
        pixels.withUnsafeMutableBufferPointer { rgba in
            delta.withUnsafeBufferPointer { delta in
                for index in 0 ..< delta.count {
                    let change = (gain * delta[index]).rounded()
                    for channel in 0 ..< 3 {
                        let old = Float(rgba[index * 4 + channel])
                        rgba[index * 4 + channel] = UInt8(min(max(old + change, 0), 255))
                    }
                }
            }
        }
    }
}
