import Foundation

/// The rescale search of watermark.md §5.4: which resize factor makes the image's tile period 128
/// again. Scales form a fixed geometric grid, `ratio`^step for step in `steps` (0.2 % apart,
/// 0.48×…2.10×, step 0 = native), so the hypotheses the false-positive bound counts are known
/// before looking at the image: every grid scale × every cyclic shift, whether or not it is tried.
///
///     coarse   every 6th grid scale (1.2 % apart) on a centred 384² window (marked geometry)
///              │ keep the 3 best z
///     refine   every grid scale within ±3 steps of each (a coarse step's half), on a centred 640² window
///              │ keep the best z
///     decide   the detector folds the whole image (up to 2048²) at that scale: its z is the statistic
///
/// Only the deciding z is compared with the threshold; coarse and refine only choose the scale,
/// and the chosen scale is one of the grid's, so the union bound over the grid holds.
/// A 0.8 % period error costs about a third of z on a 512² window (prototype, §5.4): 1.2 % coarse
/// steps on a smaller window keep the right neighbourhood among the best three.
struct WatermarkScaleSearch: Sendable {
    static let ratio = 1.002
    /// 1.002^−367 ≈ 0.480, 1.002^371 ≈ 2.098.
    static let steps = -367 ... 371
    static let coarseStride = 6
    static let coarseWindow = 384
    static let refineWindow = 640
    static let refineRadius = 3
    static let candidates = 3
    /// The largest window the deciding fold covers.
    static let decideWindow = 2048

    /// Grid scales, native included.
    static var scaleCount: Int { steps.count }

    static func scale(step: Int) -> Double { pow(ratio, Double(step)) }

    let patterns: WatermarkPatterns

    /// The grid step whose fold correlates best with the sync pattern, for a prefiltered plane of
    /// the image as given; `nil` when no scale other than native leaves a whole tile.
    func bestStep(_ plane: LumaPlane) -> Int? {
        let coarse = correlate(
            Array(stride(from: Self.steps.lowerBound, through: Self.steps.upperBound, by: Self.coarseStride)),
            plane: plane, side: Self.coarseWindow)
        var refine: [Int] = []
        for candidate in coarse.sorted(by: { $0.z > $1.z }).prefix(Self.candidates) {
            let low = max(candidate.step - Self.refineRadius, Self.steps.lowerBound)
            let high = min(candidate.step + Self.refineRadius, Self.steps.upperBound)
            refine += (low ... high).filter { !refine.contains($0) }
        }
        return correlate(refine, plane: plane, side: Self.refineWindow).max(by: { $0.z < $1.z })?.step
    }

    /// z of each grid step other than native whose target extent holds a whole tile, on a centred
    /// window of at most `side`², two steps per transform pair.
    private func correlate(_ steps: [Int], plane: LumaPlane, side: Int) -> [(step: Int, z: Double)] {
        let usable = steps.filter { step in
            let target = ScaledTileFold.targetSize(
                width: plane.width, height: plane.height, scale: Self.scale(step: step))
            return step != 0 && min(target.width, target.height) >= WatermarkPatterns.tile
        }
        func folded(_ step: Int) -> [Double] {
            let scale = Self.scale(step: step)
            let window = ScaledTileFold.centred(width: plane.width, height: plane.height, scale: scale, side: side)
            return ScaledTileFold.fold(plane, scale: scale, window: window)
        }
        var out: [(step: Int, z: Double)] = []
        for start in stride(from: 0, to: usable.count, by: 2) {
            let first = usable[start]
            let second = start + 1 < usable.count ? usable[start + 1] : nil
            let zs = SyncCorrelation.zScores(
                folded(first), second.map(folded) ?? [Double](repeating: 0, count: WatermarkPatterns.pixelCount),
                patterns: patterns)
            out.append((first, zs.0))
            if let second { out.append((second, zs.1)) }
        }
        return out
    }
}
