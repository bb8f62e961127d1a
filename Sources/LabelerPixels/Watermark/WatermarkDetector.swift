/// Blind detection of the watermark ``Watermark`` embeds: no original needed.
///
/// 1. Luma, high-passed (minus its 11 × 11 box mean) and contrast
///    normalised (divided by the local RMS over 13 × 13, + 1): removes image content and
///    cancels brightness/contrast changes.
/// 2. Folded onto one 128 × 128 tile (the mean of every tile position), band-limited.
/// 3. Circular cross-correlation with the sync pattern by FFT over all 128² cyclic shifts (a
///    crop is a cyclic shift of the tile grid); the peak's z-score against the surface gives the
///    confidence and ``WatermarkDetection/bound(z:hypotheses:)`` the false-positive bound.
/// 4. At the peak shift, each coded bit's soft value is its correlation with the folded tile;
///    de-whitened, Viterbi-decoded, CRC-checked.
///
/// Native scale only: a resized image is not searched (watermark.md §5.4 describes the search).
package struct WatermarkDetector: Sendable {
    /// z at which the sync counts as found: 16384 × Q(6.5) ≈ 6.6e-7 false positives per image.
    package static let threshold = 6.5

    package var patterns: WatermarkPatterns

    package init(patterns: WatermarkPatterns = .standard) { self.patterns = patterns }

    package func detect(_ raster: Raster) -> WatermarkDetection {
        let size = WatermarkPatterns.tile
        let shifts = WatermarkPatterns.pixelCount
        guard min(raster.width, raster.height) >= size else {
            return WatermarkDetection(
                outcome: .insufficientSignal, payload: nil, zScore: 0, falsePositiveBound: 1, hypotheses: 0,
                offset: (0, 0), bitAgreement: nil)
        }
        let luma = LumaPlane(luma: raster)
        var spectrum = (re: Self.fold(Self.prefilter(luma)), im: [Double](repeating: 0, count: shifts))
        patterns.fft.transform(re: &spectrum.re, im: &spectrum.im, inverse: false)
        var correlation = (re: [Double](repeating: 0, count: shifts), im: [Double](repeating: 0, count: shifts))
        for index in 0 ..< shifts {
            let band = patterns.band[index]
            spectrum.re[index] *= band
            spectrum.im[index] *= band
            // F · conj(S): correlation at shift d = Σ_p F[p + d] S[p].
            let (fr, fi) = (spectrum.re[index], spectrum.im[index])
            let (sr, si) = (patterns.syncSpectrum.re[index], patterns.syncSpectrum.im[index])
            correlation.re[index] = fr * sr + fi * si
            correlation.im[index] = fi * sr - fr * si
        }
        patterns.fft.transform(re: &correlation.re, im: &correlation.im, inverse: true)
        let surface = correlation.re
        let mean = surface.reduce(0, +) / Double(shifts)
        let deviation = (surface.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(shifts)).squareRoot()
        var peak = 0
        for index in 1 ..< shifts where surface[index] > surface[peak] { peak = index }
        let z = deviation > 0 ? (surface[peak] - mean) / deviation : 0
        let (dy, dx) = (peak / size, peak % size)
        // The tile origin sits at (dx, dy) mod 128 in this image.
        let offset = (x: dx, y: dy)

        patterns.fft.transform(re: &spectrum.re, im: &spectrum.im, inverse: true)
        var aligned = [Double](repeating: 0, count: shifts)
        for y in 0 ..< size {
            for x in 0 ..< size { aligned[y * size + x] = spectrum.re[((y + dy) % size) * size + (x + dx) % size] }
        }
        let codedCount = ConvolutionalCode.codedCount(for: 64)
        let whitening = patterns.whitening(count: codedCount)
        let soft = zip(patterns.softBits(aligned, count: codedCount), whitening).map { $1 == 1 ? -$0 : $0 }
        let bits = ConvolutionalCode.decode(soft, count: 64)
        let payload = WatermarkPayload(bits: bits)
        let agreement = payload.map { payload in
            let expected = ConvolutionalCode.encode(payload.bits)
            let matches = zip(expected, soft).filter { ($0 == 1) == ($1 > 0) }.count
            return Double(matches) / Double(codedCount)
        }
        let outcome: WatermarkDetection.Outcome
        if z >= Self.threshold {
            outcome = payload == nil ? .unreadable : .detected
        } else {
            outcome = luma.localDeviation().mean < Watermark.minimumTexture ? .insufficientSignal : .absent
        }
        return WatermarkDetection(
            outcome: outcome, payload: outcome == .detected ? payload : nil, zScore: z,
            falsePositiveBound: WatermarkDetection.bound(z: z, hypotheses: shifts), hypotheses: shifts,
            offset: offset, bitAgreement: outcome == .detected ? agreement : nil)
    }

    /// Luma minus its local mean, over its local RMS + 1.
    static func prefilter(_ luma: LumaPlane) -> LumaPlane {
        let smooth = luma.boxMean(radius: 5)
        var high = luma
        var squares = luma
        smooth.values.withUnsafeBufferPointer { smooth in
            high.values.withUnsafeMutableBufferPointer { high in
                squares.values.withUnsafeMutableBufferPointer { squares in
                    for index in 0 ..< high.count {
                        let value = high[index] - smooth[index]
                        high[index] = value
                        squares[index] = value * value
                    }
                }
            }
        }
        let energy = squares.boxMean(radius: 6)
        energy.values.withUnsafeBufferPointer { energy in
            high.values.withUnsafeMutableBufferPointer { high in
                for index in 0 ..< high.count { high[index] /= max(energy[index], 0).squareRoot() + 1 }
            }
        }
        return high
    }

    /// The mean of every 128 × 128 tile position, row-major; positions no pixel reaches are 0.
    static func fold(_ plane: LumaPlane) -> [Double] {
        let size = WatermarkPatterns.tile
        // Float sums per band of 128 rows, gathered into Double.
        var band = [Float](repeating: 0, count: size * size)
        var sums = [Double](repeating: 0, count: size * size)
        plane.values.withUnsafeBufferPointer { values in
            band.withUnsafeMutableBufferPointer { band in
                for y in 0 ..< plane.height {
                    let tileRow = (y % size) * size
                    var x = 0
                    while x < plane.width {
                        let run = min(size, plane.width - x)
                        let base = y * plane.width + x
                        for offset in 0 ..< run { band[tileRow + offset] += values[base + offset] }
                        x += run
                    }
                    if y % size == size - 1 || y == plane.height - 1 {
                        for index in 0 ..< band.count {
                            sums[index] += Double(band[index])
                            band[index] = 0
                        }
                    }
                }
            }
        }
        // How many pixels fold onto (row, column): one per whole tile, plus one from the partial tile.
        func count(_ position: Int, _ length: Int) -> Int { length / size + (position < length % size ? 1 : 0) }
        return (0 ..< (size * size)).map { index in
            let cells = count(index / size, plane.height) * count(index % size, plane.width)
            return cells > 0 ? sums[index] / Double(cells) : 0
        }
    }
}
