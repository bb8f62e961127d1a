internal import CLabelerShims
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
/// from the change itself plus the original bytes of the pixels where clipping lost a value
/// (``WatermarkClipping``).
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
    /// `rowStep`-th row (``CLabelerShims_wm_row_error``, a loop the C compiler vectorises).
    func psnr(_ pixels: [UInt8], gain: Float, rowStep: Int) -> Double {
        var total = 0.0
        var count = 0
        pixels.withUnsafeBufferPointer { rgba in
            guard let bytes = rgba.baseAddress else { return }
            forEachRow(rowStep: rowStep) { y, row in
                total += Double(CLabelerShims_wm_row_error(bytes + 4 * y * width, row, width, gain))
                count += width
            }
        }
        return Self.psnr(squaredError: total, samples: 3 * count)
    }

    /// Adds round(gain · delta), clipped, to R, G and B of `pixels` in place and returns the PSNR
    /// of the result against the pixels as they were, with what clipping lost for
    /// ``undo(gain:clipped:in:)``: the original bytes of every run of pixels that clipped. A row at
    /// a time through ``CLabelerShims_wm_row_apply`` (a loop the C compiler vectorises; Swift's
    /// SIMD types lowered the byte-wise clip lane by lane).
    func apply(gain: Float, to pixels: inout [UInt8]) -> (psnr: Double, clipped: WatermarkClipping) {
        var total = 0.0
        var clipped = WatermarkClipping()
        var saved = [UInt8](repeating: 0, count: 4 * width)
        var lost = [UInt8](repeating: 0, count: width)
        pixels.withUnsafeMutableBufferPointer { pixels in
            saved.withUnsafeMutableBufferPointer { saved in
                lost.withUnsafeMutableBufferPointer { lost in
                    guard let pixels = pixels.baseAddress, let original = saved.baseAddress,
                        let flags = lost.baseAddress
                    else { return }
                    forEachRow(rowStep: 1) { y, row in
                        var squares: Int64 = 0
                        let offset = 4 * y * width
                        if CLabelerShims_wm_row_apply(pixels + offset, row, width, gain, original, flags, &squares) != 0
                        {
                            // Runs of pixels that clipped, their original bytes kept.
                            var x = 0
                            while x < width {
                                guard flags[x] != 0 else {
                                    x += 1
                                    continue
                                }
                                let start = x
                                while x < width, flags[x] != 0 { x += 1 }
                                clipped.keep(
                                    UnsafeBufferPointer(rebasing: saved[(4 * start) ..< (4 * x)]),
                                    at: offset + 4 * start)
                            }
                        }
                        total += Double(squares)
                    }
                }
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
