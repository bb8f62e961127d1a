internal import CLabelerShims

/// JPEG pixel codec over libjpeg(-turbo), used for pixel work and cross-checks. Container
/// edits never go through here (JPEG files are spliced segment by segment, not re-encoded).
package enum JPEGCodec {
    /// Decodes a baseline or progressive JPEG (grayscale, YCbCr, RGB, CMYK or YCCK) to 8-bit RGB
    /// (`channels == 3`).
    ///
    /// The corresponding shim is `CLabelerShims_jpeg_decode_rgb`: `jpeg_mem_src`,
    /// `jpeg_read_header`, `out_color_space = JCS_RGB` (libjpeg converts gray and YCbCr;
    /// CMYK/YCCK are decoded as `JCS_CMYK` and converted in the shim, inverted when an Adobe
    /// APP14 marker is present), `jpeg_start_decompress`, `jpeg_read_scanlines`,
    /// `jpeg_finish_decompress`. Warnings are ignored, except premature end of data
    /// (`JWRN_JPEG_EOF`), which fails instead of returning a grey-padded image.
    ///
    /// - Throws: ``CLibraryError`` with library `.libjpeg`: ``CLibraryError/truncated`` when the
    ///   data ends early, ``CLibraryError/libraryFailure`` with libjpeg's message otherwise
    ///   (e.g. "Not a JPEG file: starts with 0x.. 0x.."), or ``CLibraryError/limitExceeded``.
    /// - Parameter maxPixelCount: images declaring more pixels (width × height, read from the header
    ///   before anything is allocated) are refused with ``CLibraryError/limitExceeded``.
    package static func decode(
        _ bytes: [UInt8], maxPixelCount: Int = DecodedImage.maxPixelCount
    ) throws(CLibraryError) -> DecodedImage {
        try ShimCodec.decode(bytes, channels: 3, library: .libjpeg, maxPixelCount: maxPixelCount) {
            CLabelerShims_jpeg_decode_rgb($0, $1, $2, $3, $4, $5, $6, $7)
        }
    }

    /// Encodes RGB or RGBA (alpha dropped, `JCS_EXT_RGBA`) 8-bit pixels to a baseline JFIF JPEG
    /// with 4:2:0 chroma subsampling (libjpeg defaults).
    ///
    /// The corresponding shim is `CLabelerShims_jpeg_encode`: `jpeg_set_defaults`,
    /// `jpeg_set_quality(quality, force_baseline: TRUE)`, `jpeg_start_compress`,
    /// `jpeg_write_scanlines`, `jpeg_finish_compress`, writing to a growable memory
    /// destination manager.
    ///
    /// - Parameter quality: IJG quality, clamped to 1...100.
    /// - Throws: ``CLibraryError/invalidArgument`` for a bad channel count, pixel count or a side
    ///   longer than 65500 pixels; `.libjpeg` errors from libjpeg.
    package static func encode(_ image: DecodedImage, quality: Int = 90) throws(CLibraryError) -> [UInt8] {
        let clamped = Int32(min(max(quality, 1), 100))
        return try ShimCodec.encode(image, library: .libjpeg) {
            CLabelerShims_jpeg_encode($0, $1, $2, $3, $4, clamped, $5, $6, $7, $8)
        }
    }
}
