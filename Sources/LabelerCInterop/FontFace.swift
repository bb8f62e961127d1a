internal import CLabelerShims

/// One face of a font file opened with FreeType 2, for laying out and rasterising a line of text
/// (`CLabelerShims_ft_*`: FT_New_Face, FT_Set_Pixel_Sizes, FT_Load_Glyph with FT_LOAD_RENDER).
///
/// Not `Sendable`: an FT_Face must not be used from two threads at once, so each caller opens its
/// own (opening a face is cheap next to decoding an image).
package final class FontFace {
    private let handle: UnsafeMutableRawPointer
    /// The file the face came from.
    package let path: String

    /// The ink extent and advance of a line at a pixel size.
    package struct LineMetrics: Sendable, Equatable {
        /// Pen advance in pixels.
        package var advance: Int
        /// Pixels above the baseline reached by the tallest glyph.
        package var ascent: Int
        /// Pixels below the baseline reached by the deepest glyph.
        package var descent: Int
    }

    /// Opens face `index` of the font at `path` (a `.ttc` collection holds several).
    /// - Throws: ``CLibraryError`` with library `.freetype`.
    package init(path: String, index: Int = 0) throws(CLibraryError) {
        var opened: UnsafeMutableRawPointer? = nil
        let status = callShim { err, errLength in CLabelerShims_ft_open(path, index, &opened, err, errLength) }
        try status.check(.freetype)
        guard let opened else {
            throw CLibraryError(library: .freetype, code: CLibraryError.noMemory, message: "no face handle")
        }
        handle = opened
        self.path = path
    }

    deinit { CLabelerShims_ft_close(handle) }

    /// The glyph index of `scalar`; 0 means the font has no glyph for it (it would draw .notdef).
    package func glyphIndex(of scalar: Unicode.Scalar) -> UInt32 {
        CLabelerShims_ft_glyph_index(handle, scalar.value)
    }

    /// Whether every scalar but white space has a glyph.
    package func covers(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || glyphIndex(of: $0) != 0 }
    }

    /// The metrics of `text` set on one line at `pixelHeight` pixels per em.
    package func measure(_ text: String, pixelHeight: Int) throws(CLibraryError) -> LineMetrics {
        let scalars = text.unicodeScalars.map(\.value)
        var advance: Int32 = 0
        var ascent: Int32 = 0
        var descent: Int32 = 0
        let status = scalars.withUnsafeBufferPointer { input in
            callShim { err, errLength in
                CLabelerShims_ft_measure(
                    handle, UInt32(max(pixelHeight, 1)), input.baseAddress, input.count, &advance, &ascent,
                    &descent, err, errLength)
            }
        }
        try status.check(.freetype)
        return LineMetrics(advance: Int(advance), ascent: Int(ascent), descent: Int(descent))
    }

    /// Rasterises `text` into `coverage` (`width × height` bytes, 0 = no ink, 255 = full ink,
    /// combined by maximum) with the pen starting at `x` on the row `baseline`; clipped at the edges.
    package func render(
        _ text: String, pixelHeight: Int, into coverage: inout [UInt8], width: Int, height: Int, x: Int,
        baseline: Int
    ) throws(CLibraryError) {
        guard width > 0, height > 0, coverage.count >= width * height else {
            throw CLibraryError(
                library: .freetype, code: CLibraryError.invalidArgument,
                message: "coverage buffer smaller than \(width)x\(height)")
        }
        let scalars = text.unicodeScalars.map(\.value)
        let status = scalars.withUnsafeBufferPointer { input in
            coverage.withUnsafeMutableBufferPointer { output in
                callShim { err, errLength in
                    CLabelerShims_ft_render(
                        handle, UInt32(max(pixelHeight, 1)), input.baseAddress, input.count, output.baseAddress,
                        UInt32(width), UInt32(height), Int32(clamping: x), Int32(clamping: baseline), err, errLength)
                }
            }
        }
        try status.check(.freetype)
    }
}
