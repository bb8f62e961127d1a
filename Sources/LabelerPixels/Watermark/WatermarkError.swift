/// Why an image cannot carry a watermark.
package enum WatermarkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter side below ``Watermark/minimumSide``: not one whole tile.
    case tooSmall(width: Int, height: Int, minimum: Int)
    /// Mean local (7 × 7) luma deviation below ``Watermark/minimumTexture`` grey levels: a flat
    /// or gradient image would show the mark at the target PSNR and detection would be unreliable.
    case tooFlat(texture: Double, minimum: Double)

    package var description: String {
        switch self {
        case .tooSmall(let width, let height, let minimum):
            return "cannot watermark: \(width)×\(height) has a side under \(minimum) px (one watermark tile)"
        case .tooFlat(let texture, let minimum):
            let level = (texture * 100).rounded() / 100
            return
                "cannot watermark: the image is too flat (mean local luma deviation \(level) < \(minimum) grey levels); "
                + "a mark would be visible and unreliable"
        }
    }
}
