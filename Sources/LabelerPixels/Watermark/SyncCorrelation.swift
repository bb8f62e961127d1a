/// One sync hypothesis tested (watermark.md §5.4–5.5): a folded 128 × 128 tile, band-limited,
/// circularly cross-correlated with the sync pattern by FFT over all 128² cyclic shifts.
///
///     folded tile ──FFT──▶ × band ──▶ × conj(sync spectrum) ──IFFT──▶ surface (128², one value per shift)
///                              │
///                              └─ kept: the band-limited spectrum, for ``decode(patterns:)``
///
/// The peak's z-score against the surface (its mean and standard deviation over the 128² shifts)
/// is the confidence.
struct SyncCorrelation: Sendable {
    /// Peak height in standard deviations of the correlation surface.
    let zScore: Double
    /// The cyclic shift of the peak: the tile origin sits at (dx, dy) mod 128 in the folded geometry.
    let shift: (dx: Int, dy: Int)
    /// The folded tile's band-limited spectrum.
    private let spectrum: (re: [Double], im: [Double])

    init(folded: [Double], patterns: WatermarkPatterns) {
        let shifts = WatermarkPatterns.pixelCount
        let size = WatermarkPatterns.tile
        var spectrum = (re: folded, im: [Double](repeating: 0, count: shifts))
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
        var sum = 0.0
        var sumOfSquares = 0.0
        var peak = 0
        for index in 0 ..< shifts {
            let value = surface[index]
            sum += value
            sumOfSquares += value * value
            if value > surface[peak] { peak = index }
        }
        let mean = sum / Double(shifts)
        let deviation = max(sumOfSquares / Double(shifts) - mean * mean, 0).squareRoot()
        zScore = deviation > 0 ? (surface[peak] - mean) / deviation : 0
        shift = (peak % size, peak / size)
        self.spectrum = spectrum
    }

    /// The z-scores of two folded tiles at the cost of one: both are real, so one is packed as the
    /// imaginary part, and since band × conj(sync spectrum) is Hermitian the two correlation
    /// surfaces come back as the real and the imaginary part of one inverse transform.
    static func zScores(_ first: [Double], _ second: [Double], patterns: WatermarkPatterns) -> (Double, Double) {
        let shifts = WatermarkPatterns.pixelCount
        var re = first
        var im = second
        patterns.fft.transform(re: &re, im: &im, inverse: false)
        for index in 0 ..< shifts {
            let band = patterns.band[index]
            let (fr, fi) = (re[index] * band, im[index] * band)
            let (sr, si) = (patterns.syncSpectrum.re[index], patterns.syncSpectrum.im[index])
            re[index] = fr * sr + fi * si
            im[index] = fi * sr - fr * si
        }
        patterns.fft.transform(re: &re, im: &im, inverse: true)
        return (zScore(re), zScore(im))
    }

    /// (peak − mean) / standard deviation of a correlation surface.
    private static func zScore(_ surface: [Double]) -> Double {
        var sum = 0.0
        var sumOfSquares = 0.0
        var peak = -Double.infinity
        for value in surface {
            sum += value
            sumOfSquares += value * value
            peak = max(peak, value)
        }
        let mean = sum / Double(surface.count)
        let deviation = max(sumOfSquares / Double(surface.count) - mean * mean, 0).squareRoot()
        return deviation > 0 ? (peak - mean) / deviation : 0
    }

    /// Soft values of the coded bits at the peak shift (de-whitened, positive = 1), the
    /// Viterbi-decoded payload (`nil` when the CRC fails) and the fraction of coded bits whose hard
    /// decision agrees with the payload's re-encoding.
    func decode(patterns: WatermarkPatterns) -> (payload: WatermarkPayload?, agreement: Double?) {
        let size = WatermarkPatterns.tile
        var re = spectrum.re
        var im = spectrum.im
        patterns.fft.transform(re: &re, im: &im, inverse: true)
        var aligned = [Double](repeating: 0, count: WatermarkPatterns.pixelCount)
        for y in 0 ..< size {
            let row = ((y + shift.dy) % size) * size
            for x in 0 ..< size { aligned[y * size + x] = re[row + (x + shift.dx) % size] }
        }
        let codedCount = ConvolutionalCode.codedCount(for: 64)
        let whitening = patterns.whitening(count: codedCount)
        let soft = zip(patterns.softBits(aligned, count: codedCount), whitening).map { $1 == 1 ? -$0 : $0 }
        let payload = WatermarkPayload(bits: ConvolutionalCode.decode(soft, count: 64))
        let agreement = payload.map { payload in
            let expected = ConvolutionalCode.encode(payload.bits)
            let matches = zip(expected, soft).filter { ($0 == 1) == ($1 > 0) }.count
            return Double(matches) / Double(codedCount)
        }
        return (payload, agreement)
    }
}
