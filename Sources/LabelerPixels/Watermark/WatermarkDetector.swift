import Foundation

/// Blind detection of the watermark ``Watermark`` embeds: no original needed.
///
/// 1. Luma, high-passed (minus its 11 × 11 box mean) and contrast
///    normalised (divided by the local RMS over 13 × 13, + 1): removes image content and
///    cancels brightness/contrast changes.
/// 2. Folded onto one 128 × 128 tile (the mean of every tile position), band-limited.
/// 3. Circular cross-correlation with the sync pattern by FFT over all 128² cyclic shifts (a
///    crop is a cyclic shift of the tile grid, ``SyncCorrelation``); the peak's z-score against
///    the surface gives the confidence.
/// 4. Native scale first; below the threshold, the rescale search (watermark.md §5.4,
///    ``WatermarkScaleSearch``) picks a grid scale and the whole image is folded again at it.
/// 5. At the peak shift, each coded bit's soft value is its correlation with the folded tile;
///    de-whitened, Viterbi-decoded, CRC-checked.
///
/// The false-positive bound is a union bound over every hypothesis the plan can test —
/// 128² shifts × ``WatermarkScaleSearch/scaleCount`` scales — whether or not the search ran, so
/// stopping at a native hit does not make it optimistic (§3.3, §5.5).
package struct WatermarkDetector: Sendable {
    /// Hypotheses one image can be tested under: 16,384 shifts × 739 scales = 12,107,776.
    package static let hypotheses = WatermarkPatterns.pixelCount * WatermarkScaleSearch.scaleCount
    /// The per-image false-positive rate the threshold is set for.
    package static let falsePositiveTarget = 1e-6
    /// z at which the sync counts as found: hypotheses × Q(z) = 1e-6 (about 7.37).
    package static let threshold: Double = {
        var (low, high) = (0.0, 20.0)
        for _ in 0 ..< 100 {
            let middle = (low + high) / 2
            if WatermarkDetection.bound(z: middle, hypotheses: hypotheses) > falsePositiveTarget {
                low = middle
            } else {
                high = middle
            }
        }
        return high
    }()

    package var patterns: WatermarkPatterns
    /// Whether a native-scale miss goes on to the rescale search.
    package var searchesScales: Bool

    package init(patterns: WatermarkPatterns = .standard, searchesScales: Bool = true) {
        self.patterns = patterns
        self.searchesScales = searchesScales
    }

    package func detect(_ raster: Raster) -> WatermarkDetection {
        let size = WatermarkPatterns.tile
        guard min(raster.width, raster.height) >= size else {
            return WatermarkDetection(
                outcome: .insufficientSignal, payload: nil, zScore: 0, falsePositiveBound: 1, hypotheses: 0,
                offset: (0, 0), scale: 1, bitAgreement: nil)
        }
        let plane = Self.prefilter(LumaPlane(luma: raster))
        var found = (correlation: SyncCorrelation(folded: Self.fold(plane), patterns: patterns), scale: 1.0)
        var textured = true
        if found.correlation.zScore < Self.threshold {
            // Luma again rather than kept: only a native miss needs it.
            textured = LumaPlane(luma: raster).localDeviation().mean >= Watermark.minimumTexture
            if textured, searchesScales, let step = WatermarkScaleSearch(patterns: patterns).bestStep(plane) {
                let scale = WatermarkScaleSearch.scale(step: step)
                let window = ScaledTileFold.centred(
                    width: plane.width, height: plane.height, scale: scale, side: WatermarkScaleSearch.decideWindow)
                let correlation = SyncCorrelation(
                    folded: ScaledTileFold.fold(plane, scale: scale, window: window), patterns: patterns)
                if correlation.zScore > found.correlation.zScore { found = (correlation, scale) }
            }
        }
        let (correlation, scale) = found
        let z = correlation.zScore
        let outcome: WatermarkDetection.Outcome
        var decoded: (payload: WatermarkPayload?, agreement: Double?) = (nil, nil)
        if z >= Self.threshold {
            decoded = correlation.decode(patterns: patterns)
            outcome = decoded.payload == nil ? .unreadable : .detected
        } else {
            outcome = textured ? .absent : .insufficientSignal
        }
        // The tile origin, from the marked geometry back to pixels of the image as given.
        func origin(_ target: Int) -> Int { Int(((Double(target) + 0.5) * scale - 0.5).rounded()) }
        let hypotheses = searchesScales ? Self.hypotheses : WatermarkPatterns.pixelCount
        return WatermarkDetection(
            outcome: outcome, payload: outcome == .detected ? decoded.payload : nil, zScore: z,
            falsePositiveBound: WatermarkDetection.bound(z: z, hypotheses: hypotheses), hypotheses: hypotheses,
            offset: (origin(correlation.shift.dx), origin(correlation.shift.dy)), scale: scale,
            bitAgreement: outcome == .detected ? decoded.agreement : nil)
    }

    /// Luma minus its 11 × 11 local mean, over its 13 × 13 local RMS + 1.
    static func prefilter(_ luma: LumaPlane) -> LumaPlane {
        var plane = luma
        plane.normaliseHighPass(meanRadius: 5, energyRadius: 6)
        return plane
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
