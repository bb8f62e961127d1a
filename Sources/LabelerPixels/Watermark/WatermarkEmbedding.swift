/// What ``Watermark/embed(into:)`` did.
package struct WatermarkEmbedding: Sendable, Hashable {
    /// PSNR of the marked RGB against the input, in dB (alpha excluded).
    package var psnr: Double
    /// The gain applied to the masked tile pattern (grey levels per unit of pattern).
    package var strength: Double
    /// Mean local luma deviation of the input (see ``WatermarkError/tooFlat(texture:minimum:)``).
    package var texture: Double
}
