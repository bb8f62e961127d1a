/// An 8-bit, row-major, interleaved image as produced by ``PNGCodec`` and ``JPEGCodec``.
///
/// Pixel `(x, y)` starts at byte `(y * width + x) * channels`. `channels` is 3 (RGB) or 4 (RGBA).
package struct DecodedImage: Sendable, Equatable {
    package var width: Int
    package var height: Int
    /// 3 for RGB, 4 for RGBA (decoders); PNG encoding also takes 1 (gray) and 2 (gray + alpha).
    package var channels: Int
    /// `width * height * channels` bytes.
    package var pixels: [UInt8]

    package init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// Largest `width * height` the decoders will allocate for (100 megapixels, 400 MB as
    /// RGBA). Prevents a tiny file with a huge declared size from exhausting memory.
    package static let maxPixelCount = 100_000_000

    /// `width * height * channels`, or nil when a dimension is not positive, the product
    /// overflows, or the pixel count exceeds ``maxPixelCount``.
    static func byteCount(width: Int, height: Int, channels: Int, limit: Int = maxPixelCount) -> Int? {
        guard width > 0, height > 0, channels > 0 else { return nil }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= limit else { return nil }
        let (bytes, overflow2) = pixels.multipliedReportingOverflow(by: channels)
        return overflow2 ? nil : bytes
    }

    /// Checks that the image is 8-bit RGB or RGBA with exactly `width * height * channels` bytes.
    /// PNG also takes 1 (gray) and 2 (gray + alpha) channels.
    func validateForEncoding(_ library: CLibraryError.Library) throws(CLibraryError) {
        guard channels == 3 || channels == 4 || (library == .libpng && (channels == 1 || channels == 2)) else {
            throw CLibraryError(
                library: library, code: CLibraryError.invalidArgument,
                message:
                    "expected 3 (RGB) or 4 (RGBA) channels\(library == .libpng ? ", or 1/2 (gray)" : ""), found \(channels)"
            )
        }
        guard let expected = Self.byteCount(width: width, height: height, channels: channels),
            width <= Int(UInt32.max), height <= Int(UInt32.max)
        else {
            throw CLibraryError(
                library: library, code: CLibraryError.invalidArgument,
                message: "unusable size \(width)x\(height) (limit \(Self.maxPixelCount) pixels)")
        }
        guard pixels.count == expected else {
            throw CLibraryError(
                library: library, code: CLibraryError.invalidArgument,
                message: "expected \(expected) pixel bytes for \(width)x\(height)x\(channels), found \(pixels.count)")
        }
    }
}
