import Foundation

/// The change the watermark makes, gain × mask × tiled pattern, never stored whole: each pass
/// rebuilds one row at a time into a row buffer (one mask weight per 4 pixels, the tile read with
/// wrap-around), so embedding reads and writes the RGBA and nothing the size of the image.
///
///     row y:  delta[x] = weights[y / 4][x / 4] · tile[y mod 128][x mod 128]
///     pixel:  R, G, B += round(gain · delta[x]), clipped to 0…255 (alpha untouched)
///
/// `round` is to nearest, ties to even (the hardware rounding; vectorises). Marking happens in
/// place: nothing the size of the image is copied, and a pass that misses the target PSNR is undone
/// from the change itself plus the original bytes of the few 4-pixel groups where clipping lost a
/// value (``WatermarkClipping``).
struct WatermarkDelta: Sendable {
    let width: Int
    let height: Int
    /// The tiled pattern, unit RMS, row-major 128².
    let tile: [Float]
    let mask: PerceptualMask

    /// delta of row `y` into `row` (`width` values).
    private func fill(_ row: UnsafeMutablePointer<Float>, y: Int) {
        let size = WatermarkPatterns.tile
        let block = PerceptualMask.block
        tile.withUnsafeBufferPointer { tile in
            mask.weights.withUnsafeBufferPointer { weights in
                let tileRow = (y & (size - 1)) * size
                let weightRow = (y / block) * mask.blockWidth
                var x = 0
                while x < width {
                    let weight = weights[weightRow + x / block]
                    let end = min(x + block, width)
                    while x < end {
                        row[x] = weight * tile[tileRow + (x & (size - 1))]
                        x += 1
                    }
                }
            }
        }
    }

    /// Calls `body(y, row)` for every `rowStep`-th row with that row's delta.
    private func forEachRow(rowStep: Int, _ body: (Int, UnsafePointer<Float>) -> Void) {
        var buffer = [Float](repeating: 0, count: width)
        buffer.withUnsafeMutableBufferPointer { buffer in
            guard let row = buffer.baseAddress else { return }
            for y in stride(from: 0, to: height, by: rowStep) {
                fill(row, y: y)
                body(y, UnsafePointer(row))
            }
        }
    }

    /// RMS of delta over every `rowStep`-th row.
    func rms(rowStep: Int) -> Double {
        var total = 0.0
        var count = 0
        forEachRow(rowStep: rowStep) { _, row in
            var rowTotal: Float = 0
            for x in 0 ..< width { rowTotal += row[x] * row[x] }
            total += Double(rowTotal)
            count += width
        }
        return (total / Double(max(count, 1))).squareRoot()
    }

    /// PSNR (dB, RGB) of `pixels` + round(gain · delta) clipped, against `pixels`, over every
    /// `rowStep`-th row. An integer plus a change rounds to the integer plus the rounded change, so
    /// only pixels whose darkest or brightest channel would leave 0…255 need their channels one by one.
    func psnr(_ pixels: [UInt8], gain: Float, rowStep: Int) -> Double {
        var total = 0.0
        var count = 0
        pixels.withUnsafeBufferPointer { rgba in
            forEachRow(rowStep: rowStep) { y, row in
                var rowTotal: Float = 0
                let base = y * width
                for x in 0 ..< width {
                    let change = (gain * row[x]).rounded(.toNearestOrEven)
                    let index = (base + x) * 4
                    let (r, g, b) = (rgba[index], rgba[index + 1], rgba[index + 2])
                    if Float(min(r, g, b)) + change >= 0, Float(max(r, g, b)) + change <= 255 {
                        rowTotal += 3 * change * change
                        continue
                    }
                    for channel in 0 ..< 3 {
                        let old = Float(rgba[index + channel])
                        let new = min(max(old + change, 0), 255)
                        rowTotal += (new - old) * (new - old)
                    }
                }
                total += Double(rowTotal)
                count += width
            }
        }
        return Self.psnr(squaredError: total, samples: 3 * count)
    }

    /// Adds round(gain · delta), clipped, to R, G and B of `pixels` in place and returns the PSNR
    /// of the result against the pixels as they were, with what clipping lost for
    /// ``undo(gain:clipped:in:)``: the byte offsets of the 16-byte groups (4 pixels) where it
    /// happened and their original bytes, one group after another. Four pixels at a time: the
    /// change is spread over R, G, B (0 on alpha), added and clamped in 32-bit lanes.
    func apply(gain: Float, to pixels: inout [UInt8]) -> (psnr: Double, clipped: WatermarkClipping) {
        var total = 0.0
        var clipped = WatermarkClipping()
        pixels.withUnsafeMutableBufferPointer { pixels in
            guard let pixels = pixels.baseAddress else { return }
            let (low, high) = (SIMD16<Int32>.zero, SIMD16<Int32>(repeating: 255))
            forEachRow(rowStep: 1) { y, row in
                let base = y * width * 4
                var errors = SIMD16<Int32>.zero
                var x = 0
                while x + 4 <= width {
                    let changes = (SIMD4<Float>(row[x], row[x + 1], row[x + 2], row[x + 3]) * gain)
                        .rounded(.toNearestOrEven)
                    let (c0, c1, c2, c3) = (Int32(changes[0]), Int32(changes[1]), Int32(changes[2]), Int32(changes[3]))
                    let spread = SIMD16<Int32>(c0, c0, c0, 0, c1, c1, c1, 0, c2, c2, c2, 0, c3, c3, c3, 0)
                    let address = pixels + base + 4 * x
                    let bytes = UnsafeRawPointer(address).loadUnaligned(as: SIMD16<UInt8>.self)
                    let old = SIMD16<Int32>(truncatingIfNeeded: bytes)
                    let sum = old &+ spread
                    let new = sum.clamped(lowerBound: low, upperBound: high)
                    if any(sum .!= new) { clipped.keep(bytes, at: base + 4 * x) }
                    UnsafeMutableRawPointer(address).storeBytes(
                        of: SIMD16<UInt8>(truncatingIfNeeded: new), as: SIMD16<UInt8>.self)
                    let difference = new &- old
                    errors &+= difference &* difference
                    x += 4
                }
                var rowTotal = Int(errors.wrappedSum())
                while x < width {
                    let change = Int((gain * row[x]).rounded(.toNearestOrEven))
                    for channel in 0 ..< 3 {
                        let index = base + x * 4 + channel
                        let old = Int(pixels[index])
                        let new = min(max(old + change, 0), 255)
                        if new != old + change { clipped.keep(pixels[index], at: index) }
                        pixels[index] = UInt8(truncatingIfNeeded: new)
                        rowTotal += (new - old) * (new - old)
                    }
                    x += 1
                }
                total += Double(rowTotal)
            }
        }
        return (Self.psnr(squaredError: total, samples: 3 * width * height), clipped)
    }

    /// Reverses ``apply(gain:to:)`` with the same gain: every channel by subtracting the change,
    /// then the clipped ones from what it kept.
    func undo(gain: Float, clipped: WatermarkClipping, in pixels: inout [UInt8]) {
        pixels.withUnsafeMutableBufferPointer { pixels in
            forEachRow(rowStep: 1) { y, row in
                let base = y * width * 4
                for x in 0 ..< width {
                    let change = Int((gain * row[x]).rounded(.toNearestOrEven))
                    for channel in 0 ..< 3 {
                        let index = base + x * 4 + channel
                        pixels[index] = UInt8(truncatingIfNeeded: min(max(Int(pixels[index]) - change, 0), 255))
                    }
                }
            }
        }
        clipped.restore(in: &pixels)
    }

    private static func psnr(squaredError: Double, samples: Int) -> Double {
        let mse = squaredError / Double(max(samples, 1))
        return mse > 0 ? 10 * Foundation.log10(65025 / mse) : .infinity
    }
}
