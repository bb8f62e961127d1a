import Foundation

/// What blind detection found in a raster.
package struct WatermarkDetection: Sendable, Hashable {
    package enum Outcome: String, Sendable, Hashable {
        /// The sync pattern is significant (z ≥ ``WatermarkDetector/threshold``) and the payload
        /// decoded with a matching CRC.
        case detected
        /// The sync pattern is significant but the payload did not decode (CRC mismatch).
        case unreadable
        /// No significant sync pattern in an image able to carry one.
        case absent
        /// Too small or too flat to tell: an absent mark says nothing here.
        case insufficientSignal
    }

    package var outcome: Outcome
    package var payload: WatermarkPayload?
    /// Sync correlation peak in standard deviations of the correlation surface.
    package var zScore: Double
    /// Upper bound on the chance that an unmarked image scores this high: hypotheses × Q(z)
    /// (Gaussian tail, union bound over every cyclic shift and grid scale the detector may try),
    /// capped at 1. A CRC match multiplies it by a further 2⁻¹⁶, not included.
    package var falsePositiveBound: Double
    /// Hypotheses the bound is a union over: cyclic shifts × grid scales.
    package var hypotheses: Int
    /// Where the tile grid's origin was found, in pixels of the image as given.
    package var offset: (x: Int, y: Int)
    /// The resize factor the image shows against the geometry it was marked in (1 = native; 0.5:
    /// halved), from the rescale search's grid.
    package var scale: Double
    /// Fraction of the 140 coded bits whose hard decision agrees with the decoded payload's
    /// re-encoding (1 = clean; about 0.5 = noise).
    package var bitAgreement: Double?

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.outcome == rhs.outcome && lhs.payload == rhs.payload && lhs.zScore == rhs.zScore
            && lhs.offset == rhs.offset && lhs.scale == rhs.scale
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(outcome)
        hasher.combine(payload)
        hasher.combine(zScore)
    }

    /// hypotheses × Q(z), at most 1.
    package static func bound(z: Double, hypotheses: Int) -> Double {
        min(1, Double(hypotheses) * 0.5 * erfc(z / 2.0.squareRoot()))
    }
}
