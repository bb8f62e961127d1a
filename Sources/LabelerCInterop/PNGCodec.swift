internal import CLabelerShims

/// PNG pixel codec over libpng 1.6, used for pixel work (watermarks), sample media and
/// cross-checks. Container edits never go through here (style.md §2.1: PNGs are spliced,
/// not re-encoded).
package enum PNGCodec {
    /// Decodes any PNG (palette, gray, 16-bit, interlaced, tRNS) to 8-bit RGBA (`channels == 4`).
    ///
    /// The corresponding shim is `CLabelerShims_png_decode_rgba`, which reads from memory
    /// through `png_set_read_fn` and applies `png_set_expand`, `png_set_scale_16`,
    /// `png_set_gray_to_rgb`, `png_set_add_alpha(0xff)` and `png_set_interlace_handling`
    /// before `png_read_image` and `png_read_end`. Gamma and colour profiles are not applied.
    ///
    /// - Parameter bytes: a complete PNG datastream (ISO/IEC 15948).
    /// - Returns: the image as RGBA8.
    /// - Throws: ``CLibraryError`` with library `.libpng` when libpng rejects the data
    ///   (e.g. "unexpected end of data", "Not a PNG file", CRC errors in critical chunks), or
    ///   ``CLibraryError/limitExceeded`` when the image exceeds ``DecodedImage/maxPixelCount``.
    /// - Parameter maxPixelCount: images declaring more pixels (width × height, read from the header
    ///   before anything is allocated) are refused with ``CLibraryError/limitExceeded``.
    package static func decode(
        _ bytes: [UInt8], maxPixelCount: Int = DecodedImage.maxPixelCount
    ) throws(CLibraryError) -> DecodedImage {
        try ShimCodec.decode(bytes, channels: 4, library: .libpng, maxPixelCount: maxPixelCount) {
            CLabelerShims_png_decode_rgba($0, $1, $2, $3, $4, $5, $6, $7)
        }
    }

    /// Encodes gray, gray + alpha, RGB or RGBA 8-bit pixels (1–4 channels) to a non-interlaced PNG
    /// (colour type 0, 4, 2 or 6; default filters and zlib level), with no ancillary chunks.
    ///
    /// The corresponding shim is `CLabelerShims_png_encode` (`png_set_IHDR`, `png_write_info`,
    /// `png_write_row`, `png_write_end`, output through `png_set_write_fn`).
    ///
    /// - Throws: ``CLibraryError/invalidArgument`` when `channels` is not 1...4 or the pixel
    ///   count does not match; `.libpng` errors from libpng.
    package static func encode(_ image: DecodedImage) throws(CLibraryError) -> [UInt8] {
        try ShimCodec.encode(image, library: .libpng) {
            CLabelerShims_png_encode($0, $1, $2, $3, $4, $5, $6, $7, $8)
        }
    }
}
