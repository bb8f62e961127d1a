/// The keyed 128 × 128 patterns of the watermark (watermark.md §5.2), generated from a
/// ``SplitMix64`` stream per pattern so nothing is stored:
///
/// * chips: ±1 white noise per pattern (seed = key mixed with the pattern number; 0 = sync,
///   1… = coded bits), one bit of the stream per tile pixel, row-major;
/// * band limit: a circular FFT mask keeping 3/128 … 26/128 cycles/px (survives JPEG and
///   mild down-scaling, sits below the 8 × 8 DCT's coarsest quantisation);
/// * the tile: W = √0.35·S + √0.65·M, S the band-limited sync chips, M the band-limited sum of
///   the coded bits' chips signed ±1, each normalised to unit RMS.
///
/// Because the band limit is a projection, correlating a band-limited tile with a coded bit's
/// band-limited pattern equals correlating it with the bit's raw chips: the detector never
/// needs the 140 filtered patterns.
package struct WatermarkPatterns: Sendable {
    package static let tile = 128
    package static let pixelCount = tile * tile
    /// Scheme key of `org.labeler.spread-spectrum.1` (ASCII "LBLWMRK1").
    package static let defaultKey: UInt64 = 0x4C42_4C57_4D52_4B31
    static let syncShare = 0.35
    static let bandLow = 3.0 / 128
    static let bandHigh = 26.0 / 128

    package static let standard = WatermarkPatterns(key: defaultKey)

    package let key: UInt64
    let fft = TileFFT()
    /// 1 inside the pass band, 0 outside, per FFT bin.
    let band: [Double]
    /// The band-limited sync pattern, unit RMS.
    let sync: [Double]
    /// The sync pattern's spectrum, for FFT correlation.
    let syncSpectrum: (re: [Double], im: [Double])

    package init(key: UInt64) {
        self.key = key
        let n = Self.tile
        band = (0 ..< Self.pixelCount).map { index in
            let fy = Double(index / n < n / 2 ? index / n : index / n - n) / Double(n)
            let fx = Double(index % n < n / 2 ? index % n : index % n - n) / Double(n)
            let radius = (fx * fx + fy * fy).squareRoot()
            return radius >= Self.bandLow && radius <= Self.bandHigh ? 1 : 0
        }
        var chips = [Double](repeating: 0, count: Self.pixelCount)
        Self.forEachChip(key: key, pattern: 0) { index, sign in chips[index] = sign }
        let limited = Self.bandLimit(chips, band: band, fft: fft)
        sync = limited
        var re = limited
        var im = [Double](repeating: 0, count: Self.pixelCount)
        fft.transform(re: &re, im: &im, inverse: false)
        syncSpectrum = (re, im)
    }

    /// The tile for coded bits (0/1): sync plus the signed sum of the bits' patterns, unit RMS.
    func tile(codedBits: [UInt8]) -> [Double] {
        var message = [Double](repeating: 0, count: Self.pixelCount)
        message.withUnsafeMutableBufferPointer { message in
            for (number, bit) in codedBits.enumerated() {
                let sign: Double = bit == 1 ? 1 : -1
                var random = Self.chipStream(key: key, pattern: number + 1)
                for start in stride(from: 0, to: Self.pixelCount, by: 64) {
                    let word = random.next()
                    for offset in 0 ..< 64 {
                        message[start + offset] += (2 * Double((word &>> UInt64(offset)) & 1) - 1) * sign
                    }
                }
            }
        }
        let limited = Self.bandLimit(message, band: band, fft: fft)
        let a = Self.syncShare.squareRoot()
        let b = (1 - Self.syncShare).squareRoot()
        let mixed = (0 ..< Self.pixelCount).map { a * sync[$0] + b * limited[$0] }
        return Self.normalised(mixed)
    }

    /// The correlation of an aligned, band-limited tile with each coded bit's chips (positive:
    /// bit 1), scaled by 1/√128².
    func softBits(_ aligned: [Double], count: Int) -> [Double] {
        // Σ ±value = 2 · Σ(values whose chip is +1) − Σ values; the chip bit as a 0/1 factor keeps
        // the inner loop free of branches.
        let total = aligned.reduce(0, +)
        return aligned.withUnsafeBufferPointer { aligned in
            (0 ..< count).map { number in
                var random = Self.chipStream(key: key, pattern: number + 1)
                var ones = 0.0
                for start in stride(from: 0, to: Self.pixelCount, by: 64) {
                    let word = random.next()
                    var partial = 0.0
                    for offset in 0 ..< 64 {
                        partial += Double((word &>> UInt64(offset)) & 1) * aligned[start + offset]
                    }
                    ones += partial
                }
                return (2 * ones - total) / Double(Self.tile)
            }
        }
    }

    /// The whitening sequence XORed onto the coded bits (keyed, removes the all-zero bias).
    func whitening(count: Int) -> [UInt8] {
        var random = SplitMix64(seed: key ^ 0x5748_4954_454E_0000)
        var out: [UInt8] = []
        var word: UInt64 = 0
        for index in 0 ..< count {
            if index % 64 == 0 { word = random.next() }
            out.append(UInt8((word >> UInt64(index % 64)) & 1))
        }
        return out
    }

    /// `values` restricted to the pass band (spatial in, spatial out).
    func bandLimited(_ values: [Double]) -> [Double] { Self.bandLimit(values, band: band, fft: fft) }

    static func bandLimit(_ values: [Double], band: [Double], fft: TileFFT) -> [Double] {
        var re = values
        var im = [Double](repeating: 0, count: pixelCount)
        fft.transform(re: &re, im: &im, inverse: false)
        for index in 0 ..< pixelCount {
            re[index] *= band[index]
            im[index] *= band[index]
        }
        fft.transform(re: &re, im: &im, inverse: true)
        return normalised(re)
    }

    static func normalised(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        let centred = values.map { $0 - mean }
        let rms = (centred.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
        return rms > 0 ? centred.map { $0 / rms } : centred
    }

    /// Calls `body(index, ±1)` for each tile pixel of pattern `pattern`.
    /// The stream behind pattern `pattern`'s chips: bit `i % 64` of word `i / 64` is chip `i`.
    static func chipStream(key: UInt64, pattern: Int) -> SplitMix64 {
        SplitMix64(seed: key &+ UInt64(pattern) &* 0xD1B5_4A32_D192_ED03)
    }

    static func forEachChip(key: UInt64, pattern: Int, _ body: (Int, Double) -> Void) {
        var random = chipStream(key: key, pattern: pattern)
        var word: UInt64 = 0
        for index in 0 ..< pixelCount {
            if index & 63 == 0 { word = random.next() }
            body(index, (word >> UInt64(index & 63)) & 1 == 1 ? 1 : -1)
        }
    }
}
