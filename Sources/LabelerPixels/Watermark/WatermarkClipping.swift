/// What clipping to 0…255 lost while marking in place (``WatermarkDelta/apply(gain:to:)``), so a
/// pass that missed the target PSNR can be undone exactly: the original bytes of each run of
/// pixels where a value clipped, one run after another.
///
///     offsets: [offset₀, offset₁, …]   lengths: [length₀, …]   bytes: [run 0][run 1]…
struct WatermarkClipping: Sendable {
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var bytes: [UInt8] = []

    /// Keeps `run`, the original bytes found at `offset`.
    mutating func keep(_ run: UnsafeBufferPointer<UInt8>, at offset: Int) {
        offsets.append(offset)
        lengths.append(run.count)
        bytes.append(contentsOf: run)
    }

    /// Writes every kept byte back where it came from.
    func restore(in pixels: inout [UInt8]) {
        var start = 0
        for (offset, length) in zip(offsets, lengths) {
            pixels.replaceSubrange(offset ..< (offset + length), with: bytes[start ..< (start + length)])
            start += length
        }
    }
}
