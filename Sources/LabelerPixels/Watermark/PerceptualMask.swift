/// The watermark's perceptual mask, computed on 4 × 4 pixel blocks (the mask is smooth, so a
/// sixteenth of the work loses nothing that matters): per block, the luma deviation over the
/// 12 × 12 pixels around it (texture) and their mean (tone) give
/// clip((σ+2)/(mean σ+2), 0.35, 2.5) × clip(min(μ, 255−μ)/24, 0.3, 1), smoothed over 3 × 3 blocks.
/// One pass reads the RGBA; everything after works on the block grid.
struct PerceptualMask: Sendable {
    static let block = 4

    let blockWidth: Int
    let blockHeight: Int
    /// Weight per block, row-major; mean about 1.
    let weights: [Float]
    /// Mean block deviation in grey levels (``Watermark/minimumTexture``).
    let texture: Float

    init(_ raster: Raster) {
        let block = Self.block
        blockWidth = (raster.width + block - 1) / block
        blockHeight = (raster.height + block - 1) / block
        var sums = [Float](repeating: 0, count: blockWidth * blockHeight)
        var squares = [Float](repeating: 0, count: blockWidth * blockHeight)
        let width = raster.width
        let blockWidth = blockWidth
        // Four pixels (one block's row, 16 bytes) per step: luma as a SIMD4 dot product of the
        // R, G, B lanes, summed into the block once instead of once per pixel.
        let lumaWeights = SIMD16<Float>(
            0.299, 0.587, 0.114, 0, 0.299, 0.587, 0.114, 0, 0.299, 0.587, 0.114, 0, 0.299, 0.587, 0.114, 0)
        let wholeBlocks = width / block
        raster.pixels.withUnsafeBufferPointer { rgba in
            sums.withUnsafeMutableBufferPointer { sums in
                squares.withUnsafeMutableBufferPointer { squares in
                    guard let bytes = rgba.baseAddress else { return }
                    for y in 0 ..< raster.height {
                        let row = (y / block) * blockWidth
                        for bx in 0 ..< wholeBlocks {
                            let pixels = UnsafeRawPointer(bytes + (y * width + bx * block) * 4)
                                .loadUnaligned(as: SIMD16<UInt8>.self)
                            let weighted = SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: pixels)) * lumaWeights
                            let luma = SIMD4<Float>(
                                weighted[0] + weighted[1] + weighted[2], weighted[4] + weighted[5] + weighted[6],
                                weighted[8] + weighted[9] + weighted[10], weighted[12] + weighted[13] + weighted[14])
                            sums[row + bx] += luma.sum()
                            squares[row + bx] += (luma * luma).sum()
                        }
                        for x in (wholeBlocks * block) ..< width {
                            let base = (y * width + x) * 4
                            let luma =
                                0.299 * Float(rgba[base]) + 0.587 * Float(rgba[base + 1]) + 0.114
                                * Float(rgba[base + 2])
                            sums[row + x / block] += luma
                            squares[row + x / block] += luma * luma
                        }
                    }
                }
            }
        }
        // Per-block means (edge blocks may hold fewer pixels).
        for by in 0 ..< blockHeight {
            let rows = Float(min(block, raster.height - by * block))
            for bx in 0 ..< blockWidth {
                let pixels = rows * Float(min(block, raster.width - bx * block))
                sums[by * blockWidth + bx] /= pixels
                squares[by * blockWidth + bx] /= pixels
            }
        }
        let mean = LumaPlane(width: blockWidth, height: blockHeight, values: sums).boxMean(radius: 1).values
        let meanOfSquares = LumaPlane(width: blockWidth, height: blockHeight, values: squares).boxMean(radius: 1)
            .values
        var deviation = [Float](repeating: 0, count: mean.count)
        var total: Double = 0
        for index in 0 ..< mean.count {
            deviation[index] = max(meanOfSquares[index] - mean[index] * mean[index], 0).squareRoot()
            total += Double(deviation[index])
        }
        let texture = Float(total / Double(max(mean.count, 1)))
        self.texture = texture
        var weights = [Float](repeating: 0, count: mean.count)
        for index in 0 ..< mean.count {
            let textureWeight = min(max((deviation[index] + 2) / (texture + 2), 0.35), 2.5)
            let level = mean[index]
            weights[index] = textureWeight * min(max(min(level, 255 - level) / 24, 0.3), 1)
        }
        self.weights = LumaPlane(width: blockWidth, height: blockHeight, values: weights).boxMean(radius: 1).values
    }
}
