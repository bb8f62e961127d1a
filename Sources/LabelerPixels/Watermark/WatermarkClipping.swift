/// What clipping to 0…255 lost while marking in place (``WatermarkDelta/apply(gain:to:)``), so a
/// pass that missed the target PSNR can be undone exactly: the original bytes of each 16-byte
/// (4-pixel) group where a channel clipped, and of single channels at the end of a row.
///
///     groups:   [offset₀, offset₁, …]   bytes: [16 bytes of group 0][16 bytes of group 1]…
///     singles:  [(offset, byte), …]
struct WatermarkClipping: Sendable {
    private var groups: [Int] = []
    private var groupBytes: [UInt8] = []
    private var singles: [(Int, UInt8)] = []

    mutating func keep(_ bytes: SIMD16<UInt8>, at offset: Int) {
        groups.append(offset)
        for lane in 0 ..< 16 { groupBytes.append(bytes[lane]) }
    }

    mutating func keep(_ byte: UInt8, at offset: Int) { singles.append((offset, byte)) }

    /// Writes every kept byte back where it came from.
    func restore(in pixels: inout [UInt8]) {
        for (number, offset) in groups.enumerated() {
            for lane in 0 ..< 16 { pixels[offset + lane] = groupBytes[number * 16 + lane] }
        }
        for (offset, byte) in singles { pixels[offset] = byte }
    }
}
